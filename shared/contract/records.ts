// Endpoints for this domain are added by the issue that builds it.
export const recordsContract = {} as const;
