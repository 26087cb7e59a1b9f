/**
 * A string for a chart template that prints its value bare (`key: {{ . }}`, without `quote` or
 * `toYaml`), such as argocd-apps 2.0.5 `templates/projects.yaml` (`description: {{ . }}`). Printed
 * bare, `a: b`, `#x`, `- x`, `yes`, `null` or `123` would change or break the YAML helm renders.
 *
 * The value is sent as a YAML double-quoted scalar: JSON string syntax is a subset of it (the same
 * escapes, one line), so helm prints `key: "..."` and YAML reads back exactly `text`. The chart
 * tests render the result through real `helm template` with hostile strings; if a chart version
 * starts quoting the field itself, those tests fail (the quotes would become part of the value).
 */
export function bareTemplateScalar(text: string): string {
  return JSON.stringify(text);
}
