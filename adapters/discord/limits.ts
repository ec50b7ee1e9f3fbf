/**
 * Discord's documented size limits. Lengths are UTF-16 code units, which is never fewer than
 * what Discord counts, so staying under them is always safe.
 */
export const LIMITS = {
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footerText: 2048,
  /** Title + description + field names/values + footer + author, summed over a message's embeds. */
  charsPerMessage: 6000,
  embedsPerMessage: 10,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
  optionDescription: 100,
} as const;
