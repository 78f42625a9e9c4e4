/**
 * French verbatim templates for the synthetic barometer, by theme and tone. Some contain commas,
 * semicolons, straight and French quotes and accents on purpose (CSV quoting must survive them).
 * Internal module.
 */
import type { AttributeKey } from './barometerModel.js';

export type VerbatimTheme = 'prix' | 'delai_indemnisation' | 'accueil' | 'sinistre' | 'site';

/** Which theme each attribute's comment falls under. */
export const THEME_OF: Record<AttributeKey, VerbatimTheme> = {
  rapport_couv_cot: 'prix',
  delai_indemn: 'delai_indemnisation',
  contact: 'accueil',
  competence_perso: 'accueil',
  personnalisation: 'accueil',
  comprehension: 'accueil',
  qualite_indemn: 'sinistre',
  informations: 'site',
  demarches: 'site',
  delai_rep: 'site',
};

export const VERBATIMS: Record<VerbatimTheme, { negative: readonly string[]; positive: readonly string[] }> = {
  prix: {
    negative: [
      'Trop cher pour ce que c’est.',
      'Le tarif augmente chaque année, sans explication.',
      'Cotisation en hausse de 8 %; les garanties, elles, ne bougent pas.',
      'J’ai trouvé moins cher ailleurs, à garanties égales.',
      'Le "tarif fidélité" ne récompense pas vraiment la fidélité !',
      'Franchise trop élevée ; le rapport prix/couverture n’est pas bon.',
    ],
    positive: [
      'Prix correct pour les garanties proposées.',
      'Tarif raisonnable, et la réduction multi-contrats est appréciée.',
      'Bon rapport qualité/prix; je recommande.',
      'Cotisation stable cette année, merci.',
    ],
  },
  delai_indemnisation: {
    negative: [
      'Trois mois pour être remboursé, c’est beaucoup trop long.',
      'Indemnisation très lente ; j’ai dû relancer plusieurs fois.',
      'Toujours en attente du virement, malgré les promesses.',
      'On m’a dit "sous huit jours", j’attends encore.',
      'Délai d’indemnisation inacceptable après un dégât des eaux.',
    ],
    positive: [
      'Remboursé en moins d’une semaine, rien à dire.',
      'Indemnisation rapide, bien plus que je ne le pensais.',
      'Virement reçu très vite après l’expertise ; efficace.',
      'Délais respectés, comme annoncé.',
    ],
  },
  accueil: {
    negative: [
      'Impossible de joindre mon conseiller, toujours sur répondeur.',
      'Accueil froid à l’agence ; on ne se sent pas écouté.',
      'Conseiller peu compétent, il a dû demander à un collègue.',
      'On change d’interlocuteur à chaque appel, il faut tout réexpliquer.',
      'Réponse type, pas personnalisée : « voir conditions générales ».',
    ],
    positive: [
      'Conseillère très aimable, à l’écoute et disponible.',
      'Accueil chaleureux, mon conseiller connaît bien mon dossier.',
      'Très bon conseil, explications claires et précises.',
      'Interlocuteur compétent ; il a pris le temps de m’expliquer.',
      'Toujours bien reçu à l’agence, merci à toute l’équipe !',
    ],
  },
  sinistre: {
    negative: [
      'Sinistre mal pris en charge, l’expert n’a rien voulu entendre.',
      'Indemnisation ridicule par rapport aux dégâts.',
      'Après mon accident, on m’a opposé une exclusion "en petits caractères".',
      'Vétusté appliquée partout ; au final presque rien de remboursé.',
      'Dossier sinistre perdu deux fois, c’est inadmissible.',
    ],
    positive: [
      'Sinistre bien géré, de la déclaration au règlement.',
      'Expert sérieux, indemnisation juste.',
      'Prise en charge impeccable après le cambriolage ; merci.',
      'Assistance dépannage efficace, même un dimanche.',
    ],
  },
  site: {
    negative: [
      'Le site plante à chaque déclaration en ligne.',
      'Application peu pratique ; impossible de télécharger l’attestation.',
      'Trop de papiers à fournir, démarches compliquées.',
      'Les informations sur le site sont incomplètes, voire fausses.',
      'Mot de passe "expiré" tous les mois, c’est pénible.',
    ],
    positive: [
      'Application claire, attestation téléchargée en deux clics.',
      'Démarches simples, tout se fait en ligne.',
      'Le nouvel espace client est bien fait ; suivi du dossier pratique.',
      'Informations claires, réponse rapide par e-mail.',
    ],
  },
};
