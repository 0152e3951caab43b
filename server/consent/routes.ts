// Consent of storytellers and speakers: record or change it, or withdraw it, which erases the
// story or fragment everywhere and leaves a tombstone (./erase.ts).
import type { RouteDef } from '../http/types';
import { recordFragmentConsent, recordStoryConsent, withdrawFor } from './service';

const WRITERS = ['partner', 'evaluator', 'admin'] as const;

export const routes: RouteDef[] = [
  { method: 'post', path: '/api/stories/:id/consent', tag: 'stories', summary: "Record or change the storyteller's consent", access: WRITERS, body: 'stories#/$defs/consent', response: 'stories#/$defs/story', handler: recordStoryConsent },
  { method: 'post', path: '/api/stories/:id/consent/withdraw', tag: 'stories', summary: 'Withdraw consent: erase the story everywhere, leaving a tombstone', access: WRITERS, body: 'stories#/$defs/withdrawal', response: 'stories#/$defs/tombstone', handler: withdrawFor('story') },
  { method: 'post', path: '/api/fragments/:id/consent', tag: 'fragments', summary: "Record or change the speaker's consent", access: WRITERS, body: 'stories#/$defs/consent', response: 'fragments#/$defs/fragment', handler: recordFragmentConsent },
  { method: 'post', path: '/api/fragments/:id/consent/withdraw', tag: 'fragments', summary: 'Withdraw consent: erase the fragment everywhere, leaving a tombstone', access: WRITERS, body: 'stories#/$defs/withdrawal', response: 'stories#/$defs/tombstone', handler: withdrawFor('fragment') },
];
