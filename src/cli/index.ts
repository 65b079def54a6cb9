// Placeholder: filled in by the migrate work (issue #8).
export {}
