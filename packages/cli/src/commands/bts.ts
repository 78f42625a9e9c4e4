import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { renderMessage } from '@satlab/messages';
import { cliMsg } from '../messages.js';
import type { Command, CommandContext, Lang } from '../command.js';
import { printJson, stringOption } from '../command.js';

/** The bundled datasets folder of the repository (packages/cli/dist/commands → datasets/). */
function datasetsDir(ctx: CommandContext): string {
  const given = stringOption(ctx, 'datasets');
  if (given) return resolve(ctx.cwd, given);
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../../datasets');
}

/** One step of the case: a satlab command line and the heading it is printed under. */
interface Step {
  key: string;
  heading: Record<Lang, string>;
  intro?: Record<Lang, string>;
  argv: string[];
}

function steps(data: string): Step[] {
  const bts = join(data, 'bts-2007');
  return [
    {
      key: 'annex1',
      heading: { fr: 'Annexe 1 — Matrice importance × satisfaction', en: 'Annex 1 — Importance × satisfaction matrix' },
      intro: {
        fr: 'Questions qui ont produit le tableau : « Sur une échelle de 1 à 4, quelle est votre satisfaction concernant … ? » et « Quelle importance accordez-vous à … ? » (1 = pas du tout, 4 = tout à fait), posées pour chacun des dix critères ; le tableau donne les moyennes.',
        en: 'Questions behind the table: "On a scale of 1 to 4, how satisfied are you with …?" and "How important is … to you?" (1 = not at all, 4 = completely), asked for each of the ten criteria; the table gives the means.',
      },
      argv: ['ipa', join(bts, 'annex1.csv'), '--scale', '1-4'],
    },
    {
      key: 'annex3',
      heading: { fr: 'Annexe 3 — Différence d’opinion selon le contrat (khi-deux)', en: 'Annex 3 — Difference of opinion by contract (chi-square)' },
      argv: ['chi2', join(bts, 'annex3.csv'), '--table', '--monte-carlo', '10000', '--seed', '2007'],
    },
    {
      key: 'annex3Collapsed',
      heading: { fr: 'Annexe 3 regroupée — insatisfaits / satisfaits', en: 'Annex 3 collapsed — dissatisfied / satisfied' },
      argv: ['chi2', join(bts, 'annex3.csv'), '--table', '--collapse', 'Pas du tout satisfait+Plutôt pas satisfait=Insatisfaits', '--collapse', 'Plutôt satisfait+Tout à fait satisfait=Satisfaits'],
    },
    {
      key: 'roi',
      heading: { fr: 'Retour sur investissement du traitement de l’insatisfaction (calculateur AMARC)', en: 'Return on handling dissatisfaction (AMARC calculator)' },
      argv: ['roi', '--surveyed', '12000', '--response-rate', '0.15', '--dissatisfied-rate', '0.2', '--retention-rate', '0.7', '--acquisition-cost', '50', '--annual-revenue', '250', '--process-cost', '24000'],
    },
    {
      key: 'rfm',
      heading: { fr: 'Segmentation RFM — Vedettes, Fidèles endormis, Timides…', en: 'RFM segmentation — Vedettes (stars), Fidèles endormis (dormant loyal), Timides (shy)…' },
      intro: {
        fr: 'Sur le fichier de transactions fourni (synthétique), pour cibler les trois opérations de publipostage du sujet.',
        en: 'On the bundled (synthetic) transactions file, to target the three mailing operations of the case.',
      },
      argv: ['rfm', join(data, 'transactions', 'transactions.csv'), '--customer', 'customer_id', '--date', 'date', '--amount', 'amount', '--segments', 'bts'],
    },
  ];
}

/** Collects what a sub-command writes. */
class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

const command: Command = {
  name: 'bts',
  summary: { en: 'the BTS 2007 insurance case analysed end to end from the bundled data', fr: 'le cas BTS 2007 (assurance) analysé de bout en bout sur les données fournies' },
  usage: ['bts [--lang fr|en] [--json] [--datasets <dir>]'],
  options: {
    datasets: { type: 'string', arg: '<dir>', description: { en: 'folder holding bts-2007/ and transactions/ (default: the bundled datasets/)', fr: 'dossier contenant bts-2007/ et transactions/ (défaut : datasets/ fourni)' } },
  },
  details: {
    fr: 'Enchaîne : satlab ipa (annexe 1), satlab chi2 (annexe 3, puis regroupée), satlab roi (calculateur), satlab rfm (segments). Sortie en français par défaut.',
    en: 'Runs in turn: satlab ipa (annex 1), satlab chi2 (annex 3, then collapsed), satlab roi (calculator), satlab rfm (segments). French output by default.',
  },
  async run(ctx) {
    const { run } = await import('../run.js');
    // The case is French: French unless --lang en was asked for.
    const lang: Lang = ctx.values.lang === 'en' ? 'en' : 'fr';
    const data = datasetsDir(ctx);
    if (!existsSync(join(data, 'bts-2007', 'annex1.csv'))) throw new TypeError(`bts: the BTS 2007 data are not in ${data} (bts-2007/annex1.csv)`);
    const json: Record<string, unknown> = {};
    const out: string[] = [];
    const title = renderMessage(cliMsg.btsTitle(), lang);
    out.push(title, '═'.repeat([...title].length), '');
    for (const step of steps(data)) {
      const sink = new Sink();
      const err = new Sink();
      const code = await run([...step.argv, '--lang', lang, ...(ctx.json ? ['--json'] : []), '--quiet'], { stdout: sink, stderr: err, workdir: ctx.cwd });
      if (code !== 0) throw new Error(`bts: step "${step.argv[0]}" failed: ${err.text.trim()}`);
      if (ctx.json) {
        json[step.key] = JSON.parse(sink.text);
        continue;
      }
      out.push(`■ ${step.heading[lang]}`, '');
      if (step.intro) out.push(step.intro[lang], '');
      out.push(sink.text.trimEnd(), '');
    }
    if (ctx.json) return printJson(ctx, json);
    ctx.stdout.write(out.join('\n') + '\n');
  },
};
export default command;
