/** Slack's Block Kit limits the renderer stays within (docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  sectionText: 3000,
  headerText: 150,
  blocksPerMessage: 50,
  /** Slack allows 25 elements per actions block; rows of 5 stay readable on mobile. */
  buttonsPerRow: 5,
  buttonText: 75,
  buttonValue: 2000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextElements: 10,
  contextText: 2000,
  /**
   * Slack rejects messages whose blocks total roughly 13,200 characters (`msg_blocks_too_long`)
   * well below the documented 40,000; we budget the JSON size of the blocks under that.
   */
  messageChars: 12_000,
  /** A response_url accepts at most five posts within 30 minutes. */
  messagesPerReply: 5,
  fallbackText: 300,
  homeBlocks: 100,
} as const;

/** Prefix of every button's action_id; the single action handler matches on it. */
export const ACTION_PREFIX = 'sb_action_';
