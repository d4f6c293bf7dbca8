/** Sample values for the manifest's placeholders, shaped like the ones provisioning writes. */
export const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '0b8c7b5e-3a7a-4f0e-9d3a-2a0c6f1e9b11',
  BOT_ID: '5d2f6b1c-8e4a-4c3b-a1f2-9e7d6c5b4a30',
  AAD_APP_CLIENT_ID: '3c9e1f7a-4b2d-4e8f-a6c5-1d0b9e8f7a62',
  BOT_DOMAIN: 'mentoring-dev.azurewebsites.net',
  COUNCIL_NAME: 'Example Council',
  COUNCIL_WEBSITE_URL: 'https://www.example-council.gov.uk/care-leaver-mentoring',
  COUNCIL_PRIVACY_URL: 'https://www.example-council.gov.uk/care-leaver-mentoring/privacy',
  COUNCIL_TERMS_URL: 'https://www.example-council.gov.uk/care-leaver-mentoring/terms',
};
