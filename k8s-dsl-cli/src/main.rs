//! The `k8s-dsl` command. `k8s-dsl check PATH...` reads Kubernetes manifests (YAML or JSON
//! files, directories, `-` for standard input) and checks every object with the API server's
//! rules, then all of them together.

mod check;
mod cluster;
mod inputs;
mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Typed, checked Kubernetes manifests: the command line.
#[derive(Parser)]
#[command(name = "k8s-dsl", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check Kubernetes manifests with the API server's validation rules.
    ///
    /// Reads every object of every YAML or JSON file given (multi-document files, `kind: List`,
    /// the output of `kustomize build` or `helm template`), validates each one as the API
    /// server would (strict field validation included), then checks them together: references
    /// between objects, selectors, duplicate names. Prints one line per problem, like a
    /// compiler:
    ///
    ///   file:line: Kind/name: path: message (rule N)
    ///
    /// then `N objects, E errors, W warnings`.
    ///
    /// Exit status: 0 when every object is valid; 1 when any error is found (or, under
    /// `--strict`, any warning); 2 when an input cannot be read (a missing file, YAML that is
    /// not valid, an input past a size or nesting limit) or the arguments are wrong.
    #[command(verbatim_doc_comment)]
    Check(CheckArgs),
    /// Show what `apply` would change in the cluster, as unified diffs.
    ///
    /// Each object is sent as a server-side apply with `dryRun=All` and the server's result
    /// compared with the live object (managed fields, status and server-set fields left out;
    /// Secret values masked). The kubeconfig is the one kubectl reads (`KUBECONFIG`,
    /// `~/.kube/config`). Exit status, as `kubectl diff`: 0 no changes, 1 changes, 2 an error.
    #[command(verbatim_doc_comment)]
    Diff(cluster::ClusterArgs),
    /// Server-side apply of every object, in apply order, then prune and waiting if asked.
    ///
    /// Namespaces and CustomResourceDefinitions go first (each CRD waited for until it is
    /// Established); every object is labelled `k8s-dsl.dev/bundle=OWNER`. A conflict with
    /// another field manager stops the apply and names the manager (`--force-conflicts` takes
    /// the fields over). `--prune` deletes the objects with that label and value that the inputs
    /// no longer hold, only in the namespaces they name. Exit status: 0 applied, 2 an error.
    #[command(verbatim_doc_comment)]
    Apply(cluster::ApplyArgs),
}

/// The arguments of `k8s-dsl check`.
#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// Files and directories to check; `-` reads standard input. A directory is searched
    /// recursively for `*.yaml`, `*.yml` and `*.json` files (a symlinked directory is
    /// followed once); a file given by name is read whatever its extension.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,

    /// `text`: one line per problem, then a summary. `json`: one JSON document,
    /// `{"objects":N,"errors":E,"warnings":W,"diagnostics":[...]}`, each diagnostic with
    /// `file`, `line`, `document` (0-based, in its file), `kind`, `name`, `namespace`,
    /// `path`, `message`, `rule` (null when none) and `severity` (`error` or `warning`).
    #[arg(long, value_enum, default_value_t = Output::Text)]
    pub output: Output,

    /// Fail on warnings too, and make a reference to an object that none of the inputs
    /// holds an error (without it, a warning: the cluster may hold that object).
    #[arg(long)]
    pub strict: bool,

    /// The Kubernetes version whose rules apply, from 1.33 to 1.37.
    #[arg(long, value_name = "VERSION", default_value = "1.37", value_parser = kubernetes_version)]
    pub kubernetes_version: (u8, u8),
}

/// How the result is printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Output {
    /// One line per problem, then a summary line.
    Text,
    /// One JSON document for machines.
    Json,
}

fn kubernetes_version(text: &str) -> Result<(u8, u8), String> {
    let supported = "the supported versions are 1.33 to 1.37";
    let (major, minor) = text
        .strip_prefix('v')
        .unwrap_or(text)
        .split_once('.')
        .ok_or_else(|| format!("`{text}` is no version such as `1.37`; {supported}"))?;
    match (major.parse::<u8>(), minor.parse::<u8>()) {
        (Ok(1), Ok(minor @ 33..=37)) => Ok((1, minor)),
        (Ok(_), Ok(_)) => Err(format!("Kubernetes {text} is not supported; {supported}")),
        _ => Err(format!(
            "`{text}` is no version such as `1.37`; {supported}"
        )),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Diff(args) => cluster::diff(&args),
        Command::Apply(args) => cluster::apply(&args),
    }
}
