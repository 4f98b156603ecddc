{{/* Common labels. */}}
{{- define "llm-stack.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The router's container security context. */}}
{{- define "llm-stack.routerSecurity" -}}
runAsNonRoot: true
privileged: {{ .Values.router.privileged }}
{{- end }}
