/**
 * What a web page says about itself, most scholarly first: Highwire `citation_*` tags (journals,
 * repositories), Dublin Core, schema.org JSON-LD, then Open Graph and plain author tags. The page's
 * <title> is left to Readability, which knows to cut the site's name off it.
 */
import { z } from 'zod';
import type { DomDocument } from './html-dom.ts';
import { clean, cleanTitle, findDoi, normalizeDate, parseAuthors } from './meta.ts';
import type { ReadingMeta } from './types.ts';

const Named = z.union([z.string(), z.object({ name: z.string() }).loose()]);
const LdNode = z
  .object({
    '@type': z.union([z.string(), z.array(z.string())]).optional(),
    headline: z.string().optional(),
    name: z.string().optional(),
    author: z.union([Named, z.array(Named)]).optional(),
    datePublished: z.string().optional(),
    publisher: Named.optional(),
    isPartOf: Named.optional(),
    url: z.string().optional(),
  })
  .loose();
type LdNode = z.infer<typeof LdNode>;

const nameOf = (n: z.infer<typeof Named> | undefined): string | null => (typeof n === 'string' ? n : (n?.name ?? null));

function ldNodes(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(ldNodes);
  if (value && typeof value === 'object' && '@graph' in value) return ldNodes((value as { '@graph': unknown })['@graph']);
  return [value];
}

/** The page's main creative work in its JSON-LD, if any (broken JSON is ignored). */
function jsonLd(doc: DomDocument): LdNode | null {
  const nodes = Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).flatMap((s) => {
    try {
      return ldNodes(JSON.parse(s.textContent ?? ''));
    } catch {
      return [];
    }
  });
  const works = nodes.flatMap((n) => {
    const parsed = LdNode.safeParse(n);
    return parsed.success ? [parsed.data] : [];
  });
  const isWork = (n: LdNode): boolean => /Article|Posting|Report|Book|Chapter|CreativeWork|WebPage/.test([n['@type'] ?? ''].flat().join(' '));
  return works.find((n) => n.headline && isWork(n)) ?? works.find(isWork) ?? null;
}

function metaTags(doc: DomDocument): (key: string) => string[] {
  const tags = new Map<string, string[]>();
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content) tags.set(key, [...(tags.get(key) ?? []), content]);
  }
  return (key) => tags.get(key.toLowerCase()) ?? [];
}

const first = (...values: (string | null | undefined)[]): string | null => values.map((v) => clean(v)).find((v) => v) ?? null;

export function htmlMeta(doc: DomDocument): Partial<ReadingMeta> {
  const tag = metaTags(doc);
  const one = (...keys: string[]): string | null => first(...keys.map((k) => tag(k)[0]));
  const ld = jsonLd(doc);
  const ldAuthors = [ld?.author ?? []].flat().map(nameOf);
  const people = [tag('citation_author'), tag('dc.creator'), tag('dcterms.creator'), ldAuthors, tag('author')].map((list) =>
    list.filter((a): a is string => !!a && !/^https?:/.test(a)),
  );
  const date = normalizeDate(
    one('citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date', 'dcterms.date', 'dcterms.issued') ??
      ld?.datePublished ??
      one('article:published_time', 'date', 'pubdate'),
  );
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  return {
    title: cleanTitle(one('citation_title', 'dc.title', 'dcterms.title') ?? ld?.headline ?? one('og:title', 'twitter:title')),
    authors: parseAuthors(people.find((list) => list.length) ?? []),
    date,
    year: date ? Number(date.slice(0, 4)) : null,
    publisher: first(one('citation_publisher', 'dc.publisher', 'dcterms.publisher'), nameOf(ld?.publisher)),
    outlet: first(one('citation_journal_title', 'citation_conference_title'), one('og:site_name'), nameOf(ld?.isPartOf)),
    doi: findDoi(one('citation_doi', 'prism.doi', 'dc.identifier', 'dcterms.identifier')),
    url: first(canonical, one('og:url', 'citation_public_url', 'citation_abstract_html_url'), ld?.url),
  };
}
