/** The figures of the progress page that must agree whichever source they are summed from. */
export const PROGRESS_FIGURES = [
  'homes',
  'reports',
  'byInitiative',
  'byPartner',
  'byMunicipality',
  'byYear',
  'byQuarter',
] as const;
