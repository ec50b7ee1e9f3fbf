import { describe, expect, it } from 'vitest';
import { homeView } from '../../../adapters/slack/home.ts';
import { LIMITS } from '../../../adapters/slack/limits.ts';
import { renderReply } from '../../../adapters/slack/render.ts';
import { reply, type Reply } from '../../../src/core/reply.ts';
import { createFakeBot, GOBLE_PASSAGE, GOBLE_QUOTE, hostileReply, longReply, whoReply } from '../../../loopback/slack/fake-bot.ts';
import { limitViolations, mrkdwnTexts, parseMessage, visibleWords, type PostedMessage } from './message-shape.ts';

const render = (r: Reply): PostedMessage[] => renderReply(r).map((m) => parseMessage(m));
const sourceWords = (r: Reply) => visibleWords(r.blocks.flatMap((b) => (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote' ? [b.text] : [])));

describe('renderReply', () => {
  it('GIVEN a cited answer THEN a header, block-quoted passages with attribution and passage id, and one button per action', () => {
    const [msg, ...rest] = render(whoReply());
    expect(rest).toEqual([]);
    expect(limitViolations(msg!)).toEqual([]);
    expect(msg!.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Artyom Nakhayev' } });
    const texts = mrkdwnTexts(msg!);
    expect(texts).toContain(`&gt; ${GOBLE_QUOTE}`);
    expect(texts).toContain(`— Goble (2019, ¶12) · \`${GOBLE_PASSAGE}\``);
    const actions = msg!.blocks.filter((b) => b.type === 'actions');
    expect(actions).toEqual([
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'sb_action_0', value: 'who:more:nakhayev', text: { type: 'plain_text', text: 'More passages' }, style: 'primary' },
          { type: 'button', action_id: 'sb_action_1', value: `cite:${GOBLE_PASSAGE}`, text: { type: 'plain_text', text: 'Cite' } },
        ],
      },
    ]);
    expect(msg!.text).toBe('Artyom Nakhayev');
  });

  it('GIVEN corpus and user text with @everyone, <!channel>, <@U123> and links THEN every mrkdwn string is escaped', () => {
    const [msg] = render(hostileReply());
    const texts = mrkdwnTexts(msg!);
    for (const t of texts) expect(t).not.toMatch(/[<>]/);
    const all = texts.join('\n');
    for (const inert of [
      '&lt;!channel&gt;',
      '&lt;!here&gt;',
      '&lt;@U123&gt;',
      '&lt;!everyone&gt;',
      '&lt;!subteam^S123&gt;',
      '&lt;https://evil.example|click here&gt;',
      '&lt;@U999&gt;',
      '`goble-2019-&lt;@U1&gt;`',
    ]) {
      expect(all).toContain(inert);
    }
    expect(all).toContain('@everyone');
    expect(all).toContain(' &amp; Stalin');
  });

  it('GIVEN a reply over 30,000 characters THEN several messages, every section ≤ 3000, and no word cut or lost', () => {
    const long = longReply();
    const messages = render(long);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(LIMITS.messagesPerReply);
    for (const m of messages) {
      expect(limitViolations(m)).toEqual([]);
      expect(JSON.stringify(m.blocks).length).toBeLessThanOrEqual(LIMITS.messageChars + 10);
    }
    const sections = messages.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : [])));
    expect(sections.length).toBeGreaterThan(long.blocks.length);
    expect(visibleWords(sections)).toEqual(sourceWords(long));
    expect(messages.map((m) => m.blocks.some((b) => b.type === 'actions'))).toEqual(messages.map((_, i) => i === messages.length - 1));
    expect(mrkdwnTexts(messages[0]!)).toContain('Page 1 of 3');
    expect(messages[0]!.blocks[0]!.type).toBe('header');
  });

  it('GIVEN more text than five messages can hold THEN five messages, a note that it was shortened, and the buttons kept', () => {
    const huge = longReply();
    huge.blocks = [...huge.blocks, ...huge.blocks, ...huge.blocks];
    const messages = render(huge);
    expect(messages).toHaveLength(LIMITS.messagesPerReply);
    const last = messages[messages.length - 1]!;
    expect(mrkdwnTexts(last).join('\n')).toMatch(/Shortened/);
    expect(last.blocks[last.blocks.length - 1]!.type).toBe('actions');
    for (const m of messages) expect(limitViolations(m)).toEqual([]);
  });

  it('GIVEN twelve actions with long labels THEN rows of at most five buttons, unique action ids, labels clipped at a word', () => {
    const actions = Array.from({ length: 12 }, (_, i) => ({
      id: `page:${i}`,
      label: `Show the next page of passages about the Military Academy and its commanders ${i}`,
    }));
    const [msg] = render(reply({ title: 'Pages', actions }));
    expect(limitViolations(msg!)).toEqual([]);
    const buttons = msg!.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.map((b) => b.value)).toEqual(actions.map((a) => a.id));
    expect(buttons[0]!.text.text).toMatch(/^Show the next page .*\w…$/);
    expect(msg!.blocks.filter((b) => b.type === 'actions').map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([5, 5, 2]);
  });

  it('GIVEN a title over 150 characters THEN no header but a bold section holding the whole title', () => {
    const title = 'Nakhayev '.repeat(30).trim();
    const [msg] = render(reply({ title }));
    expect(msg!.blocks.some((b) => b.type === 'header')).toBe(false);
    expect(mrkdwnTexts(msg!)).toContain(`*${title}*`);
    expect(limitViolations(msg!)).toEqual([]);
  });

  it('GIVEN 23 fields THEN field sections of at most ten, each field bold label then escaped value', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Year ${i}`, value: `${1914 + i} & <b>` }));
    const [msg] = render(reply({ title: 'Dates', blocks: [{ type: 'fields', fields }] }));
    expect(limitViolations(msg!)).toEqual([]);
    const counts = msg!.blocks.flatMap((b) => (b.type === 'section' && b.fields ? [b.fields.length] : []));
    expect(counts).toEqual([10, 10, 3]);
    expect(mrkdwnTexts(msg!)).toContain('*Year 0*\n1914 &amp; &lt;b&gt;');
  });

  it('GIVEN a citation no quote shows THEN its passage id is listed in a context block', () => {
    const r = whoReply();
    r.blocks = [{ type: 'paragraph', text: 'Nakhayev is mentioned once.' }];
    const [msg] = render(r);
    expect(mrkdwnTexts(msg!)).toContain(`\`${GOBLE_PASSAGE}\` Goble (2019, ¶12)`);
  });

  it('GIVEN an empty reply THEN still one valid message', () => {
    const messages = render(reply({ title: '' }));
    expect(messages).toHaveLength(1);
    expect(limitViolations(messages[0]!)).toEqual([]);
  });
});

describe('homeView', () => {
  it('GIVEN the bot specs THEN the Home tab lists every command with usage and example, marking moderator-only ones', () => {
    const specs = createFakeBot().specs();
    specs[0] = { ...specs[0]!, description: 'Who is <!channel>?' };
    const view = homeView(specs);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.homeBlocks);
    const text = JSON.stringify(view.blocks);
    for (const s of specs) expect(text).toContain(`*/${s.name}*`);
    expect(text).toContain('Example: `/who Nakhayev`');
    expect(text).toContain('Who is &lt;!channel&gt;?');
    expect(text).toMatch(
      /\*\/purge\*[^"]*Moderators only: workspace admins and owners, and members of a user group an admin named with `\/sourcebook config modrole`/,
    );
    expect(text).not.toMatch(/\*\/who\*[^"]*Moderators only/);
    expect(text).not.toContain('Quiz leaderboard');
  });

  it('GIVEN hundreds of commands and a leaderboard of thousands of players THEN at most 100 blocks, sections ≤ 3000, the leaderboard last and without buttons', () => {
    const specs = Array.from({ length: 300 }, (_, i) => ({ ...createFakeBot().specs()[0]!, name: `cmd${i}` }));
    const items = Array.from({ length: 5000 }, (_, i) => `${i + 1}. player${i} ${'x'.repeat(i % 7 === 0 ? 4000 : 20)} — 1 right of 1 (100%), streak 1`);
    const board = reply({ title: 'Quiz leaderboard — all time', blocks: [{ type: 'list', items }], actions: [{ id: 'lb:week', label: 'past 7 days' }] });
    const view = homeView(specs, board);
    expect(view.blocks.length).toBeLessThanOrEqual(LIMITS.homeBlocks);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('*/cmd0*');
    expect(json).toContain('1. player0');
    expect(json.indexOf('*/cmd0*')).toBeLessThan(json.indexOf('Quiz leaderboard'));
    expect(view.blocks.some((b) => b.type === 'actions')).toBe(false);
    for (const b of view.blocks) if (b.type === 'section' && 'text' in b && b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    // What did not fit is said, not silently dropped.
    expect(json).toContain('Shortened');
  });

  it('GIVEN the leaderboard notice for a group with no answers THEN one short line instead of the notice', () => {
    const notice = reply({
      kind: 'notice',
      title: 'Quiz leaderboard — all time',
      blocks: [{ type: 'paragraph', text: 'Nobody has answered a quiz question here in this period. Start one with /quiz.' }],
    });
    const json = JSON.stringify(homeView(createFakeBot().specs(), notice).blocks);
    expect(json).toContain('No quiz answers yet — try `/quiz`.');
    expect(json).not.toContain('Nobody has answered');
  });
});

describe('plain_text carries no mention syntax', () => {
  it('GIVEN a title and a button label echoing “<!everyone>”, “<@U1>” and “@here” THEN header and button text are inert', () => {
    const [msg] = render(reply({ title: 'No one called “<!everyone>” or <@U1>', actions: [{ id: 'a123', label: 'Ask @here <!channel>' }] }));
    const plain = JSON.stringify(
      msg!.blocks.flatMap((b) =>
        b.type === 'header' ? [b.text.text] : b.type === 'actions' ? b.elements.map((e) => ('text' in e && e.text ? e.text.text : '')) : [],
      ),
    );
    expect(plain).toContain('No one called');
    expect(plain).not.toMatch(/<[!@]|@here\b/);
  });
});
