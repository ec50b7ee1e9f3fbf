/** Denials and charges read from real sentences: the cues /check labels rest on. */
import { describe, expect, it } from 'vitest';
import { accusationIn, claimDenies, denialIn } from '../../src/answer/stance.ts';

const words =
  (...ws: string[]) =>
  (w: string) =>
    ws.some((x) => w.startsWith(x));

describe('denials', () => {
  it('GIVEN Reiman’s note “Zinoviev’s Moscow counterrevolutionary centre did not exist” THEN a denial of the centre, shown as written', () => {
    const d = denialIn('Shvernik commission found out that "Zinoviev\'s Moscow counterrevolutionary centre did not exist.', words('exist'));
    expect(d?.cue).toBe('did not exist');
  });

  it('GIVEN the same note and only “centre” as the claim’s word THEN the denial that follows it counts', () => {
    const d = denialIn('Shvernik commission found out that "Zinoviev\'s Moscow counterrevolutionary centre did not exist.', words('centre'));
    expect(d?.cue).toBe('centre did not exist');
  });

  it('GIVEN “Kirov’s murder wasn’t connected with Trotskyists” THEN no denial of the murder: the negation is of the connection', () => {
    expect(denialIn('Kirov’s murder wasn’t connected with Trotskyists; that’s all nonsense.', words('murder'))).toBeNull();
  });

  it('GIVEN “Drunkenness did not stop Yezhov” and the claim word “prepared” THEN no denial: “not” bears on “stop”, far from it', () => {
    expect(denialIn('Drunkenness did not stop Yezhov from ambitious plans, and he prepared “cases” against Postyshev.', words('prepared'))).toBeNull();
  });

  it('GIVEN a conspiracy “found or more precisely invented” (Goble) THEN “invented” denies the conspiracy', () => {
    const text =
      'Stalin’s underlings quickly fell in line with his thinking and a conspiracy was found or more precisely invented – with all the ensuing consequences.';
    expect(denialIn(text, words('conspiracy'))?.cue).toBe('invented');
  });

  it('GIVEN “there is no doubt that …” THEN no denial', () => {
    expect(denialIn('There is no doubt that the centre existed.', words('centre', 'exist'))).toBeNull();
  });

  it('GIVEN claims THEN “never existed” and “was invented” deny, “really existed” does not', () => {
    expect(claimDenies('the Moscow centre never existed')?.cue).toBe('never existed');
    expect(claimDenies('the Moscow centre was invented')?.cue).toBe('invented');
    expect(claimDenies('the Zinovievites’ Moscow centre really existed')).toBeNull();
  });
});

describe('charges', () => {
  it('GIVEN Emelyanov’s “All of them were accused of being members of a secret “Trotskyite-Zinovievite centre”” THEN a reported charge', () => {
    expect(
      accusationIn('All of them were accused of being members of a secret "Trotskyite-Zinovievite centre" which had planned murders of Politburo members.'),
    ).toBe('accused');
  });
});
