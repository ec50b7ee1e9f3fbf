/**
 * Questions stored in an older shape, read back in the current one. Says-this questions were once
 * stored with the options "True" / "False", a verdict on a partisan claim in the bot's voice; they
 * are shown with the options that judge the attribution instead (same order, same answer).
 */
import { DOES_NOT_SAY, SAYS, type QuestionBody } from './types.ts';

const OLD_PROMPT = 'True or false: is this what the source says?';

export function upgradeBody(b: QuestionBody): QuestionBody {
  if (b.kind !== 'truefalse' || b.options.length !== 2 || b.options[0] !== 'True' || b.options[1] !== 'False') return b;
  return { ...b, prompt: b.prompt === OLD_PROMPT ? 'Is this what the source says?' : b.prompt, options: [SAYS, DOES_NOT_SAY] };
}
