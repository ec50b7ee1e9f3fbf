import { EPub } from 'epub-gen-memory';
import { readDocument } from '../../../src/readings/index.ts';
const buf = await new EPub({ title: 'Conspiracy Against Stalin', author: 'Simon Maskharashvili', verbose: false }, [
  { title: 'Conspiracy Against Stalin', content: '<p>GJ – Hello there, how are you?</p><p>SM – Fine. Thanks for “asking”.</p>' },
]).genEpub();
console.log(buf.length);
const r = await readDocument(new Uint8Array(buf), { fileName: 'x.epub' });
console.log(r.format, r.warnings, r.meta, r.markdown);
