#include "linter/cli/render_flags.h"

#include <iostream>

#include <fmt/format.h>

namespace launchlint {

namespace {

// "name=a.yaml,b.yaml" -> a values set; false with a message when malformed.
bool parse_values_set(const std::string& text, ValuesSet* set,
                      std::string* error) {
  std::size_t eq = text.find('=');
  if (eq == 0 || eq == std::string::npos || eq + 1 == text.size()) {
    *error = fmt::format("--values-set {}: expected NAME=FILE[,FILE...]", text);
    return false;
  }
  set->name = text.substr(0, eq);
  std::string files = text.substr(eq + 1);
  for (std::size_t pos = 0; pos <= files.size();) {
    std::size_t comma = files.find(',', pos);
    if (comma == std::string::npos) comma = files.size();
    if (comma > pos) set->files.push_back(files.substr(pos, comma - pos));
    pos = comma + 1;
  }
  if (set->files.empty()) {
    *error = fmt::format("--values-set {}: no values file", text);
    return false;
  }
  return true;
}

}  // namespace

void add_render_options(CLI::App* cmd, RenderFlags* flags) {
  cmd->add_option("--crd", flags->crd_paths,
                  "CustomResourceDefinition files or folders: schemas for "
                  "custom resources, not linted (repeatable)")
      ->allow_extra_args(false);
  const std::string charts = "Charts and kustomize folders";
  cmd->add_option("--helm", flags->render.helm,
                  "helm program that renders chart folders (Chart.yaml)")
      ->group(charts)
      ->capture_default_str();
  cmd->add_option("--kustomize", flags->render.kustomize,
                  "kustomize or kubectl program that builds kustomization "
                  "folders (default: kubectl kustomize)")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("-f,--values", flags->render.values,
                  "helm template --values FILE, for every chart (repeatable)")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("--set", flags->render.set,
                  "helm template --set (repeatable)")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("--set-string", flags->render.set_string,
                  "helm template --set-string (repeatable)")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("--set-file", flags->render.set_file,
                  "helm template --set-file (repeatable)")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("--release-name", flags->render.release_name,
                  "Release name charts are rendered with")
      ->group(charts)
      ->capture_default_str();
  cmd->add_option("--namespace", flags->render.ns,
                  "helm template --namespace; also the default namespace")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("--api-versions", flags->render.api_versions,
                  "helm template --api-versions (repeatable)")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("--values-set", flags->values_sets,
                  "NAME=FILE[,FILE...]: render each chart once per set and "
                  "label findings with NAME (repeatable)")
      ->group(charts)
      ->allow_extra_args(false);
  cmd->add_option("--render-timeout", flags->render.timeout_seconds,
                  "Seconds one helm or kustomize run may take")
      ->group(charts)
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  // add_input_options ran first.
  flags->default_namespace = cmd->get_option("--default-namespace");
}

bool prepare_render(const RenderFlags& flags, const InputFlags& input,
                    LintOptions* options) {
  options->crd_paths = flags.crd_paths;
  // One target version for helm template and the removed-API rule: the one
  // prepare_lint chose (--kube-version, else the config's kubernetesVersion).
  std::string kube_version = options->render.kube_version;
  options->render = flags.render;
  options->render.kube_version =
      kube_version.empty() ? input.kube_version : kube_version;
  for (const std::string& text : flags.values_sets) {
    ValuesSet set;
    std::string error;
    if (!parse_values_set(text, &set, &error)) {
      std::cerr << fmt::format("launchlint: error: {}\n", error);
      return false;
    }
    for (const ValuesSet& other : options->render.values_sets) {
      if (other.name == set.name) {
        std::cerr << fmt::format(
            "launchlint: error: --values-set {} given twice\n", set.name);
        return false;
      }
    }
    options->render.values_sets.push_back(std::move(set));
  }
  // Rendered with --namespace, unnamespaced objects land there.
  if (!flags.render.ns.empty() &&
      (!flags.default_namespace || flags.default_namespace->count() == 0))
    options->settings.default_namespace = flags.render.ns;
  return true;
}

}  // namespace launchlint
