import type { Lexicon } from './types.js';

/**
 * The default negative-theme lexicon of the `verbatim` rules, French and English: words and
 * phrases customers use when they are dissatisfied (emotion, price, delays and unanswered
 * requests, service quality, digital channels, intent to leave). Written for customer-service
 * and insurance comments; extend or replace it in the rules file (`lexicon: { fr: [...], en:
 * [...], extend: both }`).
 *
 * Entry syntax (see `matchLexicon`): words separated by spaces, matched as whole words after
 * removing accents and case (`déçu` matches "DECU", "Déçu"); a final `*` makes a stem (`résili*`
 * matches résilier, résiliation, résilié); an apostrophe splits words like in the text
 * (`changer d'assureur`). An entry that already holds a negation (`pas content`, `jamais de
 * réponse`, `not happy`) is matched as is; any other entry is ignored when a negation word
 * precedes it closely (`pas trop cher`, `jamais déçu`, `no problem`).
 */
export const DEFAULT_LEXICON: Lexicon = Object.freeze({
  fr: Object.freeze([
    // émotion, jugement
    'mécontent*', 'pas content*', 'insatisf*', 'pas satisfait*', 'pas du tout satisfait*', 'peu satisfait*',
    'déçu*', 'déception*', 'décevant*', 'scandal*', 'honte', 'honteu*', 'inadmissible*', 'inacceptable*',
    'lamentable*', 'catastroph*', 'nul', 'nulle*', 'nuls', 'minable*', 'ridicule*', 'pitoyable*', 'désastreu*',
    'horrible*', 'déplorable*', 'exaspér*', 'énervé*', 'furieu*', 'colère', 'marre', 'ras le bol', 'pénible*',
    'galère*', 'arnaque*', 'escroc*', 'voleur*', 'abus*', 'injuste*', 'pas terrible', 'pas bon', 'pas bonne',
    'mauvais*', 'mauvaise*',
    // prix
    'trop cher*', 'trop chère*', 'trop élevé*', 'hors de prix', 'exorbitant*', 'augment*', 'hausse*',
    'moins cher ailleurs',
    // délais, réponses
    'jamais de réponse', 'pas de réponse', 'aucune réponse', 'sans réponse', 'sans nouvelle*', 'pas de nouvelle*',
    'aucune nouvelle*', 'jamais rappel*', 'ne rappelle jamais', 'ne répond pas', 'ne répondent pas', 'personne ne répond',
    'toujours pas', 'toujours en attente', 'en attente', 'attends encore', 'attend encore', 'attendre encore',
    'trop long*', 'trop lent*', 'lent', 'lente*', 'lenteur*', 'retard*', 'relanc*', 'injoignable*',
    'impossible de joindre', 'impossible', 'toujours sur répondeur', 'ne marche pas', 'ne fonctionne pas',
    'marche pas', 'fonctionne pas',
    // service, traitement
    'incompétent*', 'peu compétent*', 'pas compétent*', 'mal pris en charge', 'mal géré*', 'mal accueilli*',
    'mal reçu*', 'mal conseillé*', 'accueil froid', 'pas écouté*', "pas à l'écoute", 'pas personnalisé*',
    'réponse type', 'réexpliquer', 'perdu*', 'erreur*', 'problème*', 'souci*', 'litige*', 'plainte*',
    'réclamation*', 'refus*', 'exclusion*', 'presque rien',
    // canaux numériques, démarches
    'plante', 'planté*', 'plantage*', 'bug*', 'bogue*', 'compliqu*', 'incomplet*', 'incompréhensible*',
    'pas clair*', 'pas pratique', 'peu pratique*', 'fausse*', 'faux',
    // départ
    'résili*', "changer d'assur*", 'changer de compagnie', 'aller voir ailleurs', 'aller ailleurs', 'je pars',
    'vais partir', 'quitter', 'concurren*',
  ]),
  en: Object.freeze([
    // emotion, judgement
    'disappoint*', 'dissatisf*', 'unsatisf*', 'unhappy', 'not happy', 'not satisfied', 'angry', 'annoy*',
    'frustrat*', 'furious', 'terrible', 'awful', 'horrible', 'useless', 'worst', 'poor', 'bad', 'unacceptable',
    'outrageous', 'scandal*', 'shameful', 'ridiculous', 'rip off', 'ripoff', 'scam*', 'fed up',
    // price
    'too expensive', 'overpriced', 'overcharg*', 'price increase*', 'price hike*',
    // delays, answers
    'never answered', 'never answer*', 'never replied', 'never called back', 'no answer', 'no response', 'no reply',
    'still waiting', 'waiting', 'slow*', 'delay*', 'late', 'chase*', 'chasing', 'unreachable', "can't reach",
    'on hold',
    // service
    'rude', 'incompetent', 'unhelpful', 'complain*', 'problem*', 'error*', 'mistake*', 'lost', 'refus*',
    // digital
    'broken', 'crash*', 'bug*', 'confusing', 'complicated', "doesn't work", 'not working',
    // leaving
    'cancel*', 'switch*', 'leave', 'leaving', 'competitor*',
  ]),
}) as Lexicon;
