import { wallClockAt } from './time.ts';

/** Date formatting in the page's zone and locale; one instance per build. */
export function createDateFormat(timeZone: string, locale: string) {
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const dayFormat = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const monthFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const durationFormat = new Intl.DurationFormat(locale, { style: 'short' });
  const zeroDuration = new Intl.DurationFormat(locale, { style: 'short', minutesDisplay: 'always' }).format({
    minutes: 0,
  });
  // Floored so 99.999 % never reads as 100 %.
  const percentFormat = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    roundingMode: 'floor',
  });
  const durations = new Map<number, string>();
  const dateTimes = new Map<number, string>();
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  return {
    /** An instant in the page's zone; an incident's page, its preview and the lists it appears in ask for the same ones. */
    dateTime: (instant: number) => {
      let text = dateTimes.get(instant);
      if (text === undefined) dateTimes.set(instant, (text = dateTime.format(instant)));
      return text;
    },
    /** A calendar day such as `2026-11-14`, written for people. */
    day: (date: string) => dayFormat.format(Date.parse(`${date}T00:00:00Z`)),
    /** `2026-11` → `November 2026`. */
    month: (month: string) => monthFormat.format(Date.parse(`${month}-01T00:00:00Z`)),
    /** The calendar day an instant falls on in the page's zone, as `2026-11-14`. */
    dayKey: (instant: number) => {
      const wall = wallClockAt(instant, timeZone);
      return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    },
    ago: (instant: number, now: number) => {
      const elapsed = instant - now;
      for (const [unit, size] of units) {
        if (Math.abs(elapsed) >= size || unit === 'minute') return relative.format(Math.round(elapsed / size), unit);
      }
      return '';
    },
    /** `1 day, 2 hr, 5 min` in the page's language, to the minute; days, hours and minutes only. */
    duration: (ms: number) => {
      const minutes = Math.round(ms / 60_000);
      if (minutes === 0) return zeroDuration;
      // Intl.DurationFormat is slow and a history repeats the same few thousand durations.
      let text = durations.get(minutes);
      if (text === undefined) {
        const days = Math.floor(minutes / 1440);
        const hours = Math.floor((minutes % 1440) / 60);
        durations.set(minutes, (text = durationFormat.format({ days, hours, minutes: minutes % 60 })));
      }
      return text;
    },
    percent: (ratio: number) => percentFormat.format(ratio),
  };
}

export type DateFormat = ReturnType<typeof createDateFormat>;
