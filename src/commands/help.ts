/** `/help`: every command with one example. The list is the registry's (handed down in the context), so it cannot go stale. */
import { z } from 'zod';
import { defineCommand } from '../core/command.ts';
import { reply } from '../core/reply.ts';

export const helpCommand = defineCommand({
  spec: {
    name: 'help',
    description: 'What Sourcebook can do, with one example per command.',
    usage: '/help',
    example: '/help',
    options: [],
    moderatorOnly: false,
  },
  schema: z.string(),
  run(ctx) {
    const visible = ctx.specs.filter((c) => !c.moderatorOnly).map((spec) => ({ spec }));
    const mod = ctx.specs.filter((c) => c.moderatorOnly).map((spec) => ({ spec }));
    return reply({
      title: 'Sourcebook — cited answers from the study corpus',
      blocks: [
        {
          type: 'paragraph',
          text: 'Every quotation names its source and passage id. The sources disagree and some are partisan, so Sourcebook never states their claims in its own voice.',
        },
        { type: 'fields', fields: visible.map((c) => ({ label: c.spec.usage, value: `${c.spec.description} Example: ${c.spec.example}` })) },
        ...(mod.length ? [{ type: 'list' as const, items: mod.map((c) => `${c.spec.usage} (moderators): ${c.spec.description}`) }] : []),
      ],
      actions: [
        ctx.actions.make('Try /who Yezhov', { command: 'who', args: 'Yezhov' }),
        ctx.actions.make('Try /compare executions', { command: 'compare', args: 'executions' }),
        ctx.actions.make('List sources', { command: 'source', args: '' }),
      ],
    });
  },
});
