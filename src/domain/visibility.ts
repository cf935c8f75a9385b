import type { Component } from './schema/index.ts';
import { startOfCalendarDate } from './time.ts';

/** The instant a component begins to exist: the start of its `since` date in the page zone. */
export function componentStart(component: Component, timeZone: string): number {
  return component.since ? startOfCalendarDate(component.since, timeZone) : -Infinity;
}

/** Listed on the home page, in summary.json and components.json, and counted by the overall status. */
export function isShown(component: Component): boolean {
  return !component.retired && component.showcase;
}
