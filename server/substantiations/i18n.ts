// The words of the substantiator's page in English, French and Arabic, and the choice among them:
// ?lang= first, then the browser's Accept-Language, then English.
export const PAGE_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export type Words = {
  title: string; intro: string; description: string; significance: string; contribution: string;
  questions: { description: string; significance: string; contribution: string };
  verdicts: { agree: string; partly: string; disagree: string; unknown: string };
  comments: string; commentsHint: string; send: string; privacy: string;
  thanksTitle: string; thanks: string; goneTitle: string; gone: string; answeredTitle: string; answered: string; missingTitle: string; missing: string;
};

export const WORDS: Record<PageLanguage, Words> = {
  en: {
    title: 'Can you confirm this change?',
    intro: 'An evaluator asks you, as someone who knows about this change and is independent of the organisation that reported it, whether the account below is right. Answer each question; your answer goes to the evaluator only.',
    description: 'What changed', significance: 'Why it matters', contribution: 'What the organisation did',
    questions: {
      description: 'Is the description of what changed accurate?',
      significance: 'Is the reason why it matters for women, peace and security right?',
      contribution: 'Did the organisation contribute to the change as described?',
    },
    verdicts: { agree: 'Yes, I agree', partly: 'Partly', disagree: 'No, I disagree', unknown: 'I do not know' },
    comments: 'Comments (optional)', commentsHint: 'What is right, what is missing or wrong, how you know.',
    send: 'Send my answer', privacy: 'This link works once. Your name is never shown to donors or published.',
    thanksTitle: 'Thank you', thanks: 'Your answer has been recorded. You can close this page.',
    goneTitle: 'This link does not work any more', gone: 'It has been used already, has expired, or the request is closed. Ask the evaluator for a new link if you still want to answer.',
    answeredTitle: 'Already answered', answered: 'An answer to this request has been recorded already.',
    missingTitle: 'Open your link again', missing: 'This page opens from the link you were sent, and keeps it for an hour. Open the link in your message again. If this page comes back, let your browser accept cookies from this site.',
  },
  fr: {
    title: 'Pouvez-vous confirmer ce changement ?',
    intro: "Un·e évaluateur·rice vous demande, en tant que personne qui connaît ce changement et qui est indépendante de l'organisation qui l'a rapporté, si le récit ci-dessous est juste. Répondez à chaque question ; votre réponse ne va qu'à l'évaluateur·rice.",
    description: 'Ce qui a changé', significance: 'Pourquoi c’est important', contribution: "Ce que l'organisation a fait",
    questions: {
      description: 'La description de ce qui a changé est-elle exacte ?',
      significance: 'La raison pour laquelle ce changement compte pour les femmes, la paix et la sécurité est-elle juste ?',
      contribution: "L'organisation a-t-elle contribué au changement comme il est décrit ?",
    },
    verdicts: { agree: "Oui, je suis d'accord", partly: 'En partie', disagree: "Non, je ne suis pas d'accord", unknown: 'Je ne sais pas' },
    comments: 'Commentaires (facultatif)', commentsHint: 'Ce qui est juste, ce qui manque ou est faux, comment vous le savez.',
    send: 'Envoyer ma réponse', privacy: "Ce lien ne fonctionne qu'une fois. Votre nom n'est jamais montré aux bailleurs ni publié.",
    thanksTitle: 'Merci', thanks: 'Votre réponse a été enregistrée. Vous pouvez fermer cette page.',
    goneTitle: 'Ce lien ne fonctionne plus', gone: "Il a déjà été utilisé, il a expiré, ou la demande est close. Demandez un nouveau lien à l'évaluateur·rice si vous souhaitez encore répondre.",
    answeredTitle: 'Déjà répondu', answered: 'Une réponse à cette demande a déjà été enregistrée.',
    missingTitle: 'Ouvrez à nouveau votre lien', missing: "Cette page s'ouvre depuis le lien que vous avez reçu et le garde une heure. Ouvrez à nouveau le lien de votre message. Si cette page revient, autorisez votre navigateur à accepter les cookies de ce site.",
  },
  ar: {
    title: 'هل يمكنك تأكيد هذا التغيير؟',
    intro: 'يسألك أحد المقيّمين، بصفتك شخصاً يعرف هذا التغيير ومستقلاً عن المنظمة التي أبلغت عنه، إن كان الوصف أدناه صحيحاً. أجب عن كل سؤال؛ تصل إجابتك إلى المقيّم فقط.',
    description: 'ما الذي تغيّر', significance: 'لماذا هو مهم', contribution: 'ما الذي فعلته المنظمة',
    questions: {
      description: 'هل وصف ما تغيّر دقيق؟',
      significance: 'هل السبب الذي يجعل هذا التغيير مهماً للمرأة والسلام والأمن صحيح؟',
      contribution: 'هل ساهمت المنظمة في التغيير كما هو موصوف؟',
    },
    verdicts: { agree: 'نعم، أوافق', partly: 'جزئياً', disagree: 'لا، لا أوافق', unknown: 'لا أعرف' },
    comments: 'ملاحظات (اختياري)', commentsHint: 'ما هو صحيح، وما هو ناقص أو خاطئ، وكيف تعرف ذلك.',
    send: 'أرسل إجابتي', privacy: 'يعمل هذا الرابط مرة واحدة. لا يُعرض اسمك على الجهات المانحة ولا يُنشر أبداً.',
    thanksTitle: 'شكراً لك', thanks: 'سُجّلت إجابتك. يمكنك إغلاق هذه الصفحة.',
    goneTitle: 'هذا الرابط لم يعد يعمل', gone: 'لقد استُخدم من قبل، أو انتهت صلاحيته، أو أُغلق الطلب. اطلب رابطاً جديداً من المقيّم إن كنت لا تزال تريد الإجابة.',
    answeredTitle: 'تمت الإجابة من قبل', answered: 'سُجّلت إجابة على هذا الطلب من قبل.',
    missingTitle: 'افتح الرابط مرة أخرى', missing: 'تُفتح هذه الصفحة من الرابط الذي أُرسل إليك، وتحتفظ به لمدة ساعة. افتح الرابط في رسالتك مرة أخرى. إن عادت هذه الصفحة، اسمح لمتصفحك بقبول ملفات تعريف الارتباط من هذا الموقع.',
  },
};

const isPageLanguage = (s: string): s is PageLanguage => (PAGE_LANGUAGES as readonly string[]).includes(s);

/** ?lang= wins; else the best of Accept-Language by its q-values; else English. */
export function pageLanguage(lang: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  const asked = lang?.toLowerCase().split('-')[0];
  if (asked && isPageLanguage(asked)) return asked;
  const offers = (acceptLanguage ?? '').split(',').map((part, i) => {
    const [tag, ...params] = part.trim().split(';');
    const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
    return { lang: tag.toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0, i };
  }).filter((o) => o.q > 0 && isPageLanguage(o.lang)).sort((a, b) => b.q - a.q || a.i - b.i);
  return (offers[0]?.lang as PageLanguage | undefined) ?? 'en';
}
