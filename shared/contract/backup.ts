// Endpoints for this domain are added by the issue that builds it.
export const backupContract = {} as const;
