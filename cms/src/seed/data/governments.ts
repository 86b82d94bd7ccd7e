import type { SeedItem } from '../documents';
import type { Clock } from '../when';

/** The current government took office 41 days before the seed: older items show the history banner. */
export const governments = (clock: Clock): SeedItem[] => [
  {
    key: 'gashi-1',
    shared: { startsOn: '2025-03-01', endsOn: clock.day(-42) },
    translations: {
      sq: { name: 'Qeveria e parë Gashi' },
      'sr-Latn': { name: 'Prva Gašijeva vlada' },
      en: { name: 'First Gashi Government' },
    },
  },
  {
    key: 'gashi-2',
    shared: { startsOn: clock.day(-41) },
    translations: {
      sq: { name: 'Qeveria e dytë Gashi' },
      'sr-Latn': { name: 'Druga Gašijeva vlada' },
      en: { name: 'Second Gashi Government' },
    },
  },
];
