// Reads the held-out TSV (lang, length, text) on stdin, prints franc's ISO 639-3 answer per data line.
// Candidates are restricted to the languages Kunnafoni tells apart (or their closest relatives in franc).
import {franc} from 'franc-all'
import {readFileSync} from 'node:fs'

const only = ['fra', 'bam', 'fuv', 'ful', 'fuf', 'dje', 'arb', 'ara', 'taq', 'tzm', 'zgh', 'eng']
const lines = readFileSync(0, 'utf8').split('\n')
const out = []
for (const line of lines) {
  if (line === '' || line.startsWith('lang\t')) continue
  const text = line.split('\t').slice(2).join('\t')
  // minLength 1: give franc every snippet instead of answering und below its default of 10 characters.
  out.push(franc(text, {only, minLength: 1}))
}
process.stdout.write(out.join('\n') + '\n')
