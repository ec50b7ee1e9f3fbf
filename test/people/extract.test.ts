import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildCorpus } from '../../src/corpus/build.ts';
import { AliasFileSchema, extractPeople, type Person, type TextUnit } from '../../src/people/extract.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

const u = (text: string, sourceId = 'src-a'): TextUnit => ({ sourceId, text });
const bySurname = (people: Person[], surname: string): Person[] => people.filter((p) => surname in p.spellings);

describe('people index — synthetic texts', () => {
  it('GIVEN "Word Initials. Surname" where the word is not a given name THEN the canonical name keeps only the initials', () => {
    const people = extractPeople(
      [
        u('The group included the People’s Commissar for Supplies N.B. Eismont, who was arrested.'),
        u('Eismont and Tolmachev were expelled. N.B. Eismont denied it.'),
        u('The Trotskyites Ch. Rakovsky and others were readmitted. Later Rakovsky was tried, and Rakovsky confessed.'),
      ],
      [],
      null,
    );
    expect(bySurname(people, 'Eismont').map((p) => p.canonical)).toEqual(['N.B. Eismont']);
    expect(bySurname(people, 'Rakovsky').map((p) => p.canonical)).toEqual(['Ch. Rakovsky']);
  });

  it('GIVEN "Word Initials. Surname" where the word is a given name THEN the canonical name keeps it', () => {
    const people = extractPeople([u('Nikolay B. Eismont, People’s Commissar for Supplies, spoke.'), u('Eismont was arrested.')], [], null);
    expect(bySurname(people, 'Eismont').map((p) => p.canonical)).toEqual(['Nikolay B. Eismont']);
  });

  it('GIVEN a sentence word after an abbreviation ("the GPU. Yes, …") THEN it is not a person', () => {
    const texts = [
      'They reproach us for using the GPU. Yes, we consider the GPU necessary.',
      'Was it a step towards socialism? Yes.',
      'Yes, there were such conversations.',
      'It was said in the U.S. Whoever said it, Whoever heard it.',
    ];
    const people = extractPeople(
      texts.map((t) => u(t)),
      [],
      null,
    );
    expect(people.map((p) => p.canonical)).toEqual([]);
  });

  it('GIVEN a word introduced by initials only once and not shaped like a surname THEN it is not a person; twice THEN it is', () => {
    const once = extractPeople([u('A letter from J. Brown arrived.'), u('Brown was pleased, and Brown wrote back.')], [], null);
    expect(once.map((p) => p.canonical)).toEqual([]);
    const twice = extractPeople([u('A letter from J. Brown arrived.'), u('J. Brown was pleased, and Brown wrote back.')], [], null);
    expect(twice.map((p) => p.canonical)).toEqual(['J. Brown']);
    // a Russian surname ending is evidence enough
    const russian = extractPeople([u('M. Khataevich in the Dnepropetrovsk province.'), u('Khataevich asked for more.')], [], null);
    expect(russian.map((p) => p.canonical)).toEqual(['M. Khataevich']);
  });

  it('GIVEN a person named only once THEN the index leaves them out', () => {
    const people = extractPeople([u('Leonid Naumov wrote a book.'), u('Yuri Zhukov wrote another. Zhukov was right.')], [], null);
    expect(people.map((p) => p.canonical)).toEqual(['Yuri Zhukov']);
  });

  it('GIVEN initials such as "Kliment Ye." and a name such as "MacDonald" THEN "Ye" and "Mac" are not surnames', () => {
    const people = extractPeople([u('Kliment Ye. Voroshilov came. Kliment Ye. Voroshilov left.'), u('J. R. MacDonald and J. R. MacDonald again.')], [], null);
    expect(people.map((p) => p.canonical)).toEqual(['Kliment Ye. Voroshilov']);
  });

  it('GIVEN two relatives each named once in full (Alexander and Budu Svanidze) THEN two people, not one profile', () => {
    const people = extractPeople(
      [
        u('His brother-in-law Alexander Svanidze headed the trade mission. Later Svanidze was arrested.'),
        u('The memoir of Budu Svanidze tells another story.'),
      ],
      [],
      null,
    );
    expect(
      bySurname(people, 'Svanidze')
        .map((p) => p.canonical)
        .sort(),
    ).toEqual(['Alexander Svanidze', 'Budu Svanidze']);
    expect(bySurname(people, 'Svanidze').every((p) => p.sharedSurname)).toBe(true);
  });

  it('GIVEN a father introduced as “I.A. (Osip) Pyatnitsky” and his son as Vladimir Pyatnitsky THEN two people', () => {
    const people = extractPeople(
      [
        u('An especially vehement protest was made by I.A. (Osip) Pyatnitsky (the author’s father), chief of a department.'),
        u('Vladimir Pyatnitsky later wrote about it. Vladimir Pyatnitsky quotes the minutes.'),
      ],
      [],
      null,
    );
    expect(
      bySurname(people, 'Pyatnitsky')
        .map((p) => p.canonical)
        .sort(),
    ).toEqual(['I.A. Pyatnitsky', 'Vladimir Pyatnitsky']);
  });

  it('GIVEN one person named once by given name and once by initials (Yan Gamarnik, Y.B. Gamarnik) THEN one person', () => {
    const people = extractPeople([u('Yan Gamarnik shot himself.'), u('Y.B. Gamarnik was head of the political administration.')], [], null);
    expect(bySurname(people, 'Gamarnik')).toHaveLength(1);
  });

  it('GIVEN a patronymic between a given name and the surname THEN the patronymic is not a person', () => {
    const people = extractPeople([u('Mikhail Ivanovich Kalinin, the Chairman, agreed.'), u('Mikhail Ivanovich Kalinin signed. Kalinin left.')], [], null);
    expect(people.some((p) => 'Ivanovich' in p.spellings)).toBe(false);
  });

  it('GIVEN "Marshal Foch" and "George C. Marshall" THEN the title and the surname are not one person', () => {
    const people = extractPeople(
      [u('Marshal Foch spoke, and Marshal Foch left.'), u('Truman appointed George C. Marshall. Marshall shifted policy.')],
      [],
      null,
    );
    const marshall = bySurname(people, 'Marshall');
    expect(marshall.map((p) => p.canonical)).toEqual(['George C. Marshall']);
    expect(Object.keys(marshall[0]!.spellings)).toEqual(['Marshall']);
  });

  it('GIVEN a surname misspelled once beside the people it is usually named with THEN the misspelling is that person', () => {
    const people = extractPeople(
      [
        u('The Rightists N. I. Bukharin, A. I. Rykov and M. P. Tomsky lost the vote.'),
        u('Tomsky and Rykov spoke; Bukharin stayed away.'),
        // Reiman 2016, ch. 4: "Bukharin and Tomsy had already lost their membership in the Politburo by the autumn of 1929."
        u('Bukharin and Tomsy had already lost their membership in the Politburo, as Rykov had.'),
      ],
      [],
      null,
    );
    expect(Object.keys(bySurname(people, 'Tomsky')[0]!.spellings).sort()).toEqual(['Tomsky', 'Tomsy']);
  });

  it('GIVEN a name one letter off a surname but in other company THEN it stays apart (Serov is not Sedov)', () => {
    const people = extractPeople(
      [u('Lev Sedov wrote to Trotsky from Paris.'), u('Sedov and Trotsky edited the Bulletin.'), u('I could not sink to Serov’s level, said Tokaev.')],
      [],
      null,
    );
    expect(Object.keys(bySurname(people, 'Sedov')[0]!.spellings)).toEqual(['Sedov']);
  });

  describe('alias entries limited to sources', () => {
    const aliases = AliasFileSchema.parse({
      people: [{ canonical: 'Vladimir Voronov', same: ['Voronov', 'Vorontsov'], sources: ['goble'] }],
    });
    const goble = [u('Journalist Vladimir Voronov says the documents show it.', 'goble'), u('As Vorontsov observes, it was so.', 'goble')];

    it('GIVEN the alias file THEN "sources" is kept by the schema', () => {
      expect(aliases.people[0]!.sources).toEqual(['goble']);
    });

    it('GIVEN mentions only in the listed sources THEN the canonical name applies, with the other spelling', () => {
      const people = extractPeople(goble, [], aliases);
      expect(people).toHaveLength(1);
      expect(people[0]).toMatchObject({ canonical: 'Vladimir Voronov', spellings: { Voronov: 1, Vorontsov: 1 } });
    });

    it('GIVEN the surname also in another source THEN the canonical name is not imposed: the surname alone', () => {
      const other = [u('Two students, Nekrasov and Voronov, talked. Voronov was a member of the Komsomol.', 'compilation')];
      const people = extractPeople([...goble, ...other], [], aliases);
      const voronov = bySurname(people, 'Voronov');
      expect(voronov.map((p) => p.canonical)).toEqual(['Voronov']);
      expect(voronov[0]!.bySource).toEqual({ goble: 2, compilation: 2 });
    });

    it('GIVEN the other spelling in another source THEN it is not merged into the alias', () => {
      const people = extractPeople([...goble, u('Ivan Vorontsov wrote, and Vorontsov signed.', 'compilation')], [], aliases);
      expect(bySurname(people, 'Vorontsov').map((p) => [p.canonical, p.spellings])).toEqual([
        ['Vladimir Voronov', { Voronov: 1, Vorontsov: 1 }],
        ['Ivan Vorontsov', { Vorontsov: 2 }],
      ]);
    });
  });
});

describe('people index — the bundled corpus', () => {
  const people = buildCorpus(join(PROJECT_ROOT, 'corpus')).people;
  const canonicals = people.map((p) => p.canonical);
  const named = (surname: string): string[] => bySurname(people, surname).map((p) => p.canonical);

  it('GIVEN common words after an abbreviation THEN none is a person', () => {
    for (const junk of ['Yes', 'Whoever', 'Explaining', 'Paradoxically', 'Happily', 'Ye', 'Ya', 'Mac', 'Gen', 'Oxford', 'Fair']) {
      expect(
        people.filter((p) => junk in p.spellings).map((p) => p.canonical),
        junk,
      ).toEqual([]);
    }
  });

  it('GIVEN a word before initials that is not a given name THEN it is not part of the canonical name', () => {
    expect(canonicals.filter((c) => /^(?:Supplies|Defence|Affairs|Federation|Commission|Trotskyites|Party|Litvinov) /.test(c))).toEqual([]);
    expect(named('Gamarnik')).toEqual(['Y.B. Gamarnik']);
    expect(named('Rakovsky')).toEqual(['Christian G. Rakovsky']);
    expect(named('Tolmachev')).toEqual(['Vladimir N. Tolmachev']);
    expect(named('Eismont')).toEqual(['Nikolay B. Eysmont']);
  });

  it('GIVEN the texts’ own misspellings (Tomsy, Rikov, Bucharin) THEN each is its person, and Serov is not Sedov', () => {
    expect(Object.keys(bySurname(people, 'Tomsky')[0]!.spellings)).toContain('Tomsy');
    expect(Object.keys(bySurname(people, 'Rykov')[0]!.spellings)).toContain('Rikov');
    expect(Object.keys(bySurname(people, 'Bukharin')[0]!.spellings)).toContain('Bucharin');
    expect(bySurname(people, 'Sedov').flatMap((p) => Object.keys(p.spellings))).not.toContain('Serov');
  });

  it('GIVEN Marshal (title) and Marshall (surname) THEN George C. Marshall has only the surname spelling', () => {
    const marshall = bySurname(people, 'Marshall');
    expect(marshall.map((p) => p.canonical)).toEqual(['George C. Marshall']);
    expect(Object.keys(marshall[0]!.spellings)).toEqual(['Marshall']);
    expect(people.some((p) => 'Marshal' in p.spellings)).toBe(false);
  });

  it('GIVEN the Voronov alias limited to Goble THEN the compilation’s Voronov is not called Vladimir', () => {
    const voronov = bySurname(people, 'Voronov');
    expect(voronov.map((p) => p.canonical)).toEqual(['Voronov']);
    expect(Object.keys(voronov[0]!.bySource).sort()).toEqual(['goble-2019', 'real-stalin-11']);
  });

  it('GIVEN the whole index THEN everyone is mentioned at least twice, and shared surnames still split', () => {
    expect(people.filter((p) => p.mentions < 2).map((p) => p.canonical)).toEqual([]);
    expect(named('Zhukov').sort()).toEqual(['Georgy K. Zhukov', 'Yuri Zhukov']);
    expect(named('Smirnov').sort()).toEqual(['Alexandr P. Smirnov', 'Ivan N. Smirnov']);
    expect(named('Yezhov')).toEqual(['Nikolai Yezhov']);
    expect(named('Kuibyshev')).toEqual(['Valerian V. Kuybyshev']);
  });
});
