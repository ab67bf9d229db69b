// The review API's contract lives in shared/ (the /review page types its calls from it).
export * from '@cw/shared/schemas/review';
