// The people of the local identity provider (`npm run dev`, tests). The seed gives them the same
// teams their groups claim, so the demo catalog makes sense before anyone signs in.
export const DEMO_PEOPLE = [
  { subject: 'demo-viewer', name: 'Vera Viewer', email: 'vera@example.test', groups: ['mlreg-fraud-viewer'], about: 'views the fraud team' },
  { subject: 'demo-contributor', name: 'Carl Contributor', email: 'carl@example.test', groups: ['mlreg-fraud-contributor'], about: 'registers and edits in fraud' },
  { subject: 'demo-maintainer', name: 'Mia Maintainer', email: 'mia@example.test', groups: ['mlreg-fraud-maintainer'], about: 'also deregisters and manages fraud tokens' },
  { subject: 'demo-admin', name: 'Ada Admin', email: 'ada@example.test', groups: ['mlreg-admins'], about: 'platform admin, sees every team' },
  { subject: 'demo-two-teams', name: 'Tom Two-Teams', email: 'tom@example.test', groups: ['mlreg-recsys-contributor', 'mlreg-vision-maintainer'], about: 'contributor in recsys, maintainer in vision' },
] as const;
