// Style expressions built from the shared domain tables.
import type { ExpressionSpecification } from 'maplibre-gl';

/**
 * ['match', ['get', property], key1, value1, …, fallback]. The style spec's tuple type cannot
 * describe a spread of pairs, hence the one cast.
 */
export function matchProperty(property: string, pairs: readonly (readonly [string, string])[], fallback: string): ExpressionSpecification {
  return ['match', ['get', property], ...pairs.flat(), fallback] as unknown as ExpressionSpecification;
}
