/**
 * The one fake Bot for the Discord adapter's tests and load bench: it produces on demand what the
 * real bot rarely does (slow answers, throws, over-long replies and labels, mentions), and records
 * every call. Replies are built from real corpus text. real-bot.test.ts drives the real core.
 */
import { readFileSync } from 'node:fs';
import type { Bot, CommandSpec, Suggestion } from '../../src/core/bot-api.ts';
import { errorReply, reply, type Citation, type Reply } from '../../src/core/reply.ts';
import type { Asker, Request, Where } from '../../src/core/request.ts';

const corpus = (file: string): string => readFileSync(new URL(`../../corpus/${file}`, import.meta.url), 'utf8');

/** Long prose paragraphs from Emelyanov (2012); some carry *italic* markdown from the source file. */
export const EMELYANOV_PARAGRAPHS: string[] = corpus('emelyanov-2012-stalins-purges.txt')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 600 && !line.startsWith('#'))
  .slice(0, 45);

export const GOBLE: Citation = {
  passage: 'gob-7h2k',
  source: 'goble-2019',
  quote:
    'Stalin’s underlings quickly fell in line with his thinking and a conspiracy was found or more precisely invented – with all the ensuing consequences including the arrest and execution of people who had little or nothing to do with Nakhayev.',
  where: 'para. 14',
  attribution: 'Goble (2019)',
};

export const REIMAN: Citation = {
  passage: 'rei-4k9x2',
  source: 'reiman-2016',
  quote: 'In the beginning, Stalin likely anticipated significant resistance, but he managed to prevent this in the end.',
  where: "ch. 6 “Stalin's St. Bartholomew's Day”, pp. 101–112",
  attribution: 'Reiman (2016, ch. 6, pp. 101–112)',
};

/** Corpus-style text that would ping everyone, a user, a role and a Slack channel if sent raw. */
export const MENTION_TEXT =
  'The secret police reported that rumors were circulating among soldiers — @everyone heard “Voroshilov has killed Stalin!” — and <@123> passed it on to <@&456> and <!channel>.';

const NAMES = [
  'Yezhov',
  'Yezhovshchina',
  'Yagoda',
  'Yenukidze',
  'Kirov',
  'Nakhayev',
  'Tukhachevsky',
  'Voroshilov',
  'Bukharin',
  'Zinoviev',
  'Kamenev',
  'Rykov',
  'Radek',
  'Pyatakov',
  'Postyshev',
  'Molotov',
  'Kaganovich',
  'Khrushchev',
  'Beria',
  'Ordzhonikidze',
  'Gamarnik',
  'Yakir',
  'Uborevich',
  'Eikhe',
  'Knorin',
  'Kosior',
  'Rudzutak',
  'Chubar',
  'Syrtsov',
  'Ryutin',
];

export const PAGE_TOTAL = 3;

/** Page `index` (from 1, as the core numbers them) of a long survey. */
function longPage(index: number): Reply {
  const paragraphs = EMELYANOV_PARAGRAPHS.slice((index - 1) * 15, index * 15);
  // One paragraph far beyond an embed's 4096 characters, so it must be split inside itself.
  const giant = paragraphs.slice(0, 7).join(' ');
  return reply({
    title: `The purges: survey of the sources`,
    blocks: [
      { type: 'heading', text: 'Emelyanov on the historiography' },
      { type: 'paragraph', text: giant },
      ...paragraphs.slice(7).map((text) => ({ type: 'paragraph' as const, text })),
      { type: 'quote', text: REIMAN.quote, attribution: REIMAN.attribution, citation: 0 },
      { type: 'list', items: ['Emelyanov (2012)', 'Reiman (2016)', 'Goble (2019)'] },
      {
        type: 'fields',
        fields: [
          { label: 'Sources', value: '5' },
          { label: 'Passages', value: '1,204' },
        ],
      },
    ],
    citations: [REIMAN],
    actions: [
      ...(index > 1 ? [{ id: `page:long:${index - 1}`, label: 'Previous page' }] : []),
      ...(index < PAGE_TOTAL ? [{ id: `page:long:${index + 1}`, label: 'Next page', style: 'primary' as const }] : []),
    ],
    page: { index, total: PAGE_TOTAL },
  });
}

function quoteReply(topic: string): Reply {
  return reply({
    title: `What the sources say about ${topic}`,
    blocks: [
      { type: 'paragraph', text: 'One passage matches; the source relays a Radio Liberty report.' },
      { type: 'quote', text: GOBLE.quote, attribution: GOBLE.attribution, citation: 0 },
    ],
    citations: [GOBLE],
    actions: [
      { id: `cite:${GOBLE.passage}`, label: 'Cite this passage', style: 'primary' },
      { id: `more:${topic.toLowerCase()}`, label: 'More like this' },
    ],
  });
}

/** A shared quiz post from a real corpus sentence, with its running tally. */
export function quizPost(answered: number): Reply {
  return reply({
    title: 'Quiz — Who fills the blank?',
    blocks: [
      { type: 'paragraph', text: 'Maskharashvili (n.d., ¶15): “In 1936, the state security minister ____ was substituted by a new minister Yezhov.”' },
      { type: 'list', items: ['A. Genrikh Yagoda', 'B. Lavrentiy Beria'] },
      { type: 'paragraph', text: `${answered} answered · question #7` },
    ],
    actions: [
      { id: 'vote:0', label: 'A. Genrikh Yagoda' },
      { id: 'vote:1', label: 'B. Lavrentiy Beria' },
    ],
  });
}

/**
 * The clicker's feedback on a quiz answer. It says `ephemeral: false` on purpose: feedback that
 * redraws the shared post is the clicker's own, and the adapter must keep it private regardless.
 */
function voteFeedback(choice: number, slow: boolean): Reply {
  return {
    ...reply({
      title: choice === 0 ? 'Right!' : 'Not quite.',
      blocks: [
        {
          type: 'quote',
          text: 'In 1936, the state security minister Yagoda was substituted by a new minister Yezhov.',
          attribution: 'Maskharashvili (n.d., ¶15)',
          citation: 0,
        },
      ],
      citations: [
        {
          passage: 'mas-p7cr8',
          source: 'maskharashvili-interview',
          quote: 'In 1936, the state security minister Yagoda was substituted by a new minister Yezhov.',
          where: '¶15',
          attribution: 'Maskharashvili (n.d., ¶15)',
        },
      ],
      actions: [{ id: 'cite:mas-p7cr8', label: 'Cite the passage' }],
    }),
    updateOriginal: quizPost(slow ? 2 : 1),
  };
}

const mentionsReply = (): Reply =>
  reply({
    title: 'Rumours in the ranks @everyone',
    blocks: [
      { type: 'quote', text: MENTION_TEXT, attribution: 'Goble (2019)', citation: 0 },
      { type: 'paragraph', text: 'Compare *Comrade Stalin* and __Inoy Stalin__ — see `rei-4k9x2`.\n> not a quote\n# not a heading' },
    ],
    citations: [GOBLE],
  });

const SPECS: CommandSpec[] = [
  {
    name: 'quote',
    description: 'Show a passage from the corpus about a person or event.',
    usage: '/quote <topic>',
    example: '/quote Nakhayev',
    options: [{ name: 'topic', description: 'A person, place or event', required: true, autocomplete: true }],
    moderatorOnly: false,
  },
  {
    name: 'compare',
    description: 'Compare what two sources say.',
    usage: '/compare <first> <second> [style]',
    example: '/compare Emelyanov Reiman chicago',
    options: [
      { name: 'first', description: 'First source', required: true, autocomplete: true },
      { name: 'second', description: 'Second source', required: true, autocomplete: true },
      { name: 'style', description: 'Citation style', required: false, autocomplete: false, choices: ['apa', 'chicago', 'mla'] },
    ],
    moderatorOnly: false,
  },
  { name: 'long', description: 'A survey of the sources.', usage: '/long', example: '/long', options: [], moderatorOnly: false },
  { name: 'mentions', description: 'A passage with @ signs.', usage: '/mentions', example: '/mentions', options: [], moderatorOnly: false },
  { name: 'slow', description: 'An answer that takes a while.', usage: '/slow', example: '/slow', options: [], moderatorOnly: false },
  { name: 'slowsecret', description: 'A slow, private answer.', usage: '/slowsecret', example: '/slowsecret', options: [], moderatorOnly: false },
  { name: 'secret', description: 'A private answer.', usage: '/secret', example: '/secret', options: [], moderatorOnly: false },
  { name: 'boom', description: 'Breaks its promise and throws.', usage: '/boom', example: '/boom', options: [], moderatorOnly: true },
];

export interface FakeBotOptions {
  /** How long `slow…` commands and actions take (ms). */
  slowMs?: number;
}

export interface FakeBot extends Bot {
  calls: {
    handle: Request[];
    act: { actionId: string; user: Asker; where: Where }[];
    suggest: { command: string; option: string; partial: string; where: Where }[];
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createFakeBot(options: FakeBotOptions = {}): FakeBot {
  const slowMs = options.slowMs ?? 1800;
  const calls: FakeBot['calls'] = { handle: [], act: [], suggest: [] };
  return {
    calls,
    specs: () => SPECS,
    async handle(request) {
      calls.handle.push(request);
      switch (request.command) {
        case 'quote':
          return quoteReply(String(request.typed?.values.topic ?? (request.args || 'Nakhayev')));
        case 'compare':
          return reply({
            title: 'Comparison',
            blocks: [{ type: 'fields', fields: [{ label: 'Asked', value: JSON.stringify(request.typed?.values ?? request.args) }] }],
          });
        case 'long':
          return longPage(1);
        case 'mentions':
          return mentionsReply();
        case 'slow':
          await sleep(slowMs);
          return quoteReply('Kirov');
        case 'slowsecret':
          await sleep(slowMs);
          return errorReply('Not allowed here', 'Only moderators can change the reading list.');
        case 'secret':
          return errorReply('Unknown source', 'No source called “Trotsky1937” — try /sources.');
        case 'boom':
          throw new Error('database is locked');
        default:
          return errorReply('Unknown command', `No command /${request.command}.`);
      }
    },
    async act(actionId, user, where) {
      calls.act.push({ actionId, user, where });
      const [kind, arg, n] = actionId.split(':');
      if (kind === 'page' && arg === 'long') return longPage(Number(n));
      if (kind === 'slowpage') {
        await sleep(slowMs);
        return longPage(Number(arg));
      }
      if (kind === 'slowmore') {
        await sleep(slowMs);
        return quoteReply('Tukhachevsky');
      }
      if (kind === 'more') return quoteReply(arg ?? 'Nakhayev');
      if (kind === 'cite') {
        return reply({
          kind: 'notice',
          title: 'Citation',
          blocks: [{ type: 'paragraph', text: 'Goble, Paul. “Stalin Believed in 1934 He Faced Opposition from the Red Army.” 2019.' }],
          ephemeral: true,
        });
      }
      if (kind === 'vote') return voteFeedback(Number(arg), false);
      if (kind === 'slowvote') {
        await sleep(slowMs);
        return voteFeedback(Number(arg), true);
      }
      if (kind === 'boom') throw new Error('act exploded');
      return errorReply('Expired', 'That button has expired.');
    },
    suggest(command, option, partial, where): Suggestion[] {
      calls.suggest.push({ command, option, partial, where });
      if (partial === 'boom') throw new Error('index not loaded');
      const matches = NAMES.filter((name) => name.toLowerCase().startsWith(partial.toLowerCase()));
      const long = {
        label: `${matches[0] ?? 'Yezhov'} — ${GOBLE.quote}`,
        value: matches[0] ?? 'Yezhov',
      };
      // Deliberately more than 25 and with an over-long label: the adapter must still comply.
      return [long, ...matches.map((name) => ({ label: name, value: name })), ...(partial === '' ? NAMES.map((n) => ({ label: `${n} (all)`, value: n })) : [])];
    },
  };
}
