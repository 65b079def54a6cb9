/**
 * The Larkspur site's Consentry config, as the SPA imports it. The script-tag
 * pages (index.html, privacy.html) carry the same object in their JSON block;
 * test/browser/demo.test.ts checks they agree, since one cookie serves them all
 * and a decision made on one page must read the same on the others.
 */
export const siteConfig = {
  categories: [
    { id: 'necessary', necessary: true },
    {
      id: 'functional',
      services: [
        {
          id: 'reelbox',
          label: 'Reelbox',
          provider: 'Reelbox Video (a demo vendor, served by this site)',
          description: 'Plays the product tour embedded on our home page.',
        },
      ],
    },
    {
      id: 'analytics',
      services: [
        {
          id: 'meadowlark',
          label: 'Meadowlark Analytics',
          provider: 'Meadowlark (a demo vendor, served by this site)',
          description: 'Counts visits and shows which pages people use, so we know what to improve.',
          cookies: ['_mla_id'],
          cookieTable: [{ name: '_mla_id', purpose: 'Tells one visit from the next', lifetime: '1 year' }],
        },
      ],
    },
    {
      id: 'marketing',
      services: [
        {
          id: 'adfinch',
          label: 'Adfinch',
          provider: 'Adfinch Ads (a demo vendor, served by this site)',
          description: 'Measures which of our ads bring visitors here.',
          cookies: ['_afp'],
          cookieTable: [{ name: '_afp', purpose: 'Links an ad click to this visit', lifetime: '90 days' }],
        },
      ],
    },
  ],
  revision: 2,
  ui: { policyUrl: '/privacy.html', floatingButton: true, theme: 'auto' },
}
