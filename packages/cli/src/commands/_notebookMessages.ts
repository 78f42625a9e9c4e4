/** Messages of the notebook commands (`satlab export`, `satlab kernel`), English and French side by side. */
import { defineMessages } from '@satlab/messages';
import type { MessageFormat, MessageTemplate } from '@satlab/messages';

const t = <P>(en: (p: P, f: MessageFormat) => string, fr: (p: P, f: MessageFormat) => string): MessageTemplate<P> => ({ en, fr });

export const nbMsg = defineMessages('cli.notebook', {
  notANotebook: t(
    (p: { path: string }, f) => `expected a .ipynb notebook, got ${f.q(p.path)}`,
    (p, f) => `il faut un notebook .ipynb, pas ${f.q(p.path)}`,
  ),
  noSuchNotebook: t(
    (p: { path: string }) => `no such notebook: ${p.path}`,
    (p) => `notebook introuvable : ${p.path}`,
  ),
  needsExecute: t(
    (_: Record<string, never>) => '--to notebook needs --execute (the notebook is saved with the outputs of a fresh run)',
    () => '--to notebook demande --execute (le notebook est enregistré avec les sorties d’une exécution complète)',
  ),
  noJupyter: t(
    (p: { jupyter: string; reason: string }) => `cannot run ${p.jupyter} (${p.reason}); install Jupyter (bash .ci/setup)`,
    (p) => `impossible de lancer ${p.jupyter} (${p.reason}) ; installez Jupyter (bash .ci/setup)`,
  ),
  nbconvertFailed: t(
    (p: { detail: string }) => `nbconvert failed: ${p.detail}`,
    (p) => `échec de nbconvert : ${p.detail}`,
  ),
  kernelAction: t(
    (p: { got: string }, f) => `expected "kernel install", got ${f.q(`kernel ${p.got}`)}`,
    (p, f) => `attendu « kernel install », reçu ${f.q(`kernel ${p.got}`)}`,
  ),
  wrote: t(
    (p: { path: string }) => `Wrote ${p.path}`,
    (p) => `Fichier écrit : ${p.path}`,
  ),
  executed: t(
    (p: { path: string }) => `Executed ${p.path} in this checkout's satlab kernel and saved it with its outputs (trusted)`,
    (p) => `${p.path} exécuté dans le noyau satlab de ce dépôt et enregistré avec ses sorties (approuvé)`,
  ),
  installed: t(
    (p: { name: string; dir: string }) => `Kernel "${p.name}" installed in ${p.dir}`,
    (p) => `Noyau « ${p.name} » installé dans ${p.dir}`,
  ),
});
