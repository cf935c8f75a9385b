import { z } from 'zod';

/**
 * The most characters (emoji count as one) an incident title may have, in any language: room for
 * a long headline, while a title cannot swamp the page, a feed reader or the link-preview card.
 */
export const maxTitleLength = 200;

/** A headline: not empty, at most `maxTitleLength` characters. */
export const TitleSchema = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const length = [...text].length;
    if (length <= maxTitleLength) return;
    const start = [...text].slice(0, 40).join('');
    ctx.addIssue({
      code: 'custom',
      message: `The title is ${length} characters long ("${start}…"); a title may have at most ${maxTitleLength}.`,
      params: {
        code: 'TitleTooLong',
        hint: `Shorten it to at most ${maxTitleLength} characters, a headline customers read at a glance, and put the details in the update's message.`,
      },
    });
  });
