// What sync asks the browser for, and only when the user sets it up: the server's origin (one origin, from these
// optional patterns: https anywhere, or plain http on this machine), and in Firefox the data collection that sending
// the ledger to a server means, even a server of one's own and encrypted (AMO's categories).

export const SYNC_HOST_PERMISSIONS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'] as const;

/** Names and contact details of people; what their profile pages said; which profile pages were visited. */
export const SYNC_DATA_COLLECTION = [
  'personallyIdentifyingInfo',
  'websiteContent',
  'browsingActivity',
] as const;
