// The one registry of record kinds. Each kind is declared once: its entity type and table, who
// owns it, its personal fields (for the audit of who read them), how a request reaches one record
// of it (as the reader may see it: 404 otherwise) with what the reader may do to it, and which
// shared capabilities it joins. A capability a kind does not list is off for it, so a new kind
// joins nothing by accident: `kindFor` answers 404 for a kind that does not join the capability
// asked for. Capabilities read it here (files, consent, search) instead of switching over kinds.
import type { Ctx } from '../http/types';
import { notFound } from '../http/problem';
import type { PersonalKind } from '../audit/personal-views';
import { isReviewer, seesPersonalData } from '../domain/readers';
import * as outcomes from '../outcomes/service';
import { OUTCOME } from '../outcomes/view-audit';
import * as stories from '../stories/service';
import * as fragments from '../fragments/service';
import { seesFragmentPersonalData } from '../fragments/access';

/** `dashboards`: counted beside the outcomes (which the dashboards are made of) in the timeline, coverage and map. */
export type Capability = 'files' | 'consent' | 'search' | 'exports' | 'evidence' | 'dashboards';

/** One record as a capability needs it: whose it is, whether the reader may change what hangs on it, whether they receive its personal data. */
export type Held = { id: string; organisationId: string; mayChange: boolean; seesPersonal: boolean };

export type KindDeclaration = {
  entityType: string;
  table: string;
  owner: 'organisation' | 'programme';
  personal: PersonalKind;
  joins: readonly Capability[];
  /** The record as the reader may see it (404 otherwise): its organisation and the reader's rights on it. */
  held(ctx: Ctx, id: string): Promise<Held>;
};

const admin = (ctx: Ctx) => ctx.user.role === 'admin';

export const KINDS = {
  outcome: {
    entityType: 'outcome', table: 'outcomes', owner: 'organisation', personal: OUTCOME,
    joins: ['files', 'search', 'exports', 'evidence'],
    held: async (ctx, id) => {
      const o = await outcomes.load(ctx, id);
      const org = o.organisation.id;
      return { id: o.id, organisationId: org, mayChange: admin(ctx) || org === ctx.user.organisationId || isReviewer(ctx.user, org), seesPersonal: seesPersonalData(ctx.user, org) };
    },
  },
  story: {
    entityType: 'story', table: 'stories', owner: 'organisation', personal: stories.STORY,
    joins: ['files', 'consent', 'search', 'exports', 'evidence', 'dashboards'],
    held: async (ctx, id) => {
      const s = await stories.load(ctx, id);
      const m = stories.moverOf(ctx, s);
      return { id: s.id, organisationId: s.organisation.id, mayChange: admin(ctx) || m.own || m.reviewer, seesPersonal: seesPersonalData(ctx.user, s.organisation.id) };
    },
  },
  fragment: {
    entityType: 'fragment', table: 'fragments', owner: 'organisation', personal: fragments.FRAGMENT,
    joins: ['files', 'consent', 'search', 'exports', 'evidence', 'dashboards'],
    held: async (ctx, id) => {
      const f = await fragments.load(ctx, id);
      const m = fragments.moverOf(ctx, f);
      return { id: f.id, organisationId: f.organisation.id, mayChange: admin(ctx) || m.own || m.reviewer,
        seesPersonal: seesFragmentPersonalData(ctx.user, { organisationId: f.organisation.id, programmeId: f.programmeId }) };
    },
  },
} as const satisfies Record<string, KindDeclaration>;

export type KindName = keyof typeof KINDS;

/** The kinds that join a capability, in the registry's order. */
export const kindsJoining = (c: Capability): KindName[] => (Object.keys(KINDS) as KindName[]).filter((k) => (KINDS[k].joins as readonly Capability[]).includes(c));

/** A kind's declaration for a capability it joins; 404 for one it does not (or no such kind). */
export function kindFor(name: string, c: Capability): KindDeclaration {
  const kind = (KINDS as Record<string, KindDeclaration>)[name];
  if (!kind || !kind.joins.includes(c)) throw notFound(name);
  return kind;
}
