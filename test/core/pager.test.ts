/** The pager keeps every action a command gives it: adapters lay buttons out in rows and log any they cannot show. */
import { describe, expect, it } from 'vitest';
import { ActionStore } from '../../src/core/actions.ts';
import { pagedReply } from '../../src/core/pager.ts';
import { textUnit } from '../../src/core/quotes.ts';
import { openDb } from '../../src/db/open.ts';

describe('paged replies', () => {
  it('GIVEN the middle page of three and four more actions THEN Back, More and all four are kept, in that order', () => {
    const actions = new ActionStore(openDb(':memory:'));
    // Three pages: each unit alone fills most of a page.
    const units = ['first', 'second', 'third'].map((w) => textUnit(`${w} ${'word '.repeat(900)}`));
    const extra = ['Cite', 'Sources', 'Quiz me on this', 'Report'].map((label) => actions.make(label, { command: 'help', args: '' }));
    const r = pagedReply({ title: 'Compare: executions', units, page: 2, command: 'compare', args: 'executions', actions, extra });
    expect(r.title).toBe('Compare: executions (2/3)');
    expect(r.actions.map((a) => a.label)).toEqual(['‹ Back', 'More › (3/3)', 'Cite', 'Sources', 'Quiz me on this', 'Report']);
  });
});
