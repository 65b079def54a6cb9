// Placeholder: filled in by the hooks work (issue #8).
export const useConsent = (): void => undefined
