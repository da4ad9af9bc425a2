//! `k8s-dsl diff` and `k8s-dsl apply`: the inputs read as `check` reads them, into one bundle,
//! sent through `k8s_dsl::cluster` with the kubeconfig that kubectl would use.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use k8s_dsl::bundle::Bundle;
use k8s_dsl::cluster::{self, ApplyOptions};
use k8s_dsl::read;

/// What `diff` and `apply` share.
#[derive(clap::Args)]
pub(crate) struct ClusterArgs {
    /// Files and directories (a directory written by `output::Directory`, the output of
    /// `kustomize build`), `-` for standard input, read as `check` reads them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,

    /// The bundle's name: the value of the `k8s-dsl.dev/bundle` label set on every object;
    /// prune deletes only objects with this value.
    #[arg(long, value_name = "NAME")]
    pub owner: String,

    /// The field manager of server-side apply.
    #[arg(long, value_name = "NAME", default_value = cluster::FIELD_MANAGER)]
    pub field_manager: String,

    /// Delete (or, for `diff`, list) the objects with this owner that the inputs no longer
    /// hold, in the namespaces the inputs name.
    #[arg(long)]
    pub prune: bool,

    /// Take over the fields that another field manager owns.
    #[arg(long)]
    pub force_conflicts: bool,
}

/// The arguments of `k8s-dsl apply`.
#[derive(clap::Args)]
pub(crate) struct ApplyArgs {
    #[command(flatten)]
    pub common: ClusterArgs,

    /// Send everything with `dryRun=All`: print what would be done, write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Wait for the rollouts of Deployments, StatefulSets, DaemonSets and Jobs, at most this
    /// long (`90s`, `5m`, or seconds).
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    pub wait: Option<Duration>,
}

fn duration(text: &str) -> Result<Duration, String> {
    let (number, unit) = match text.strip_suffix('m') {
        Some(minutes) => (minutes, 60),
        None => (text.strip_suffix('s').unwrap_or(text), 1),
    };
    number
        .parse::<u64>()
        .map(|n| Duration::from_secs(n * unit))
        .map_err(|_| format!("`{text}` is no duration such as `90s` or `5m`"))
}

impl ClusterArgs {
    fn options(&self) -> ApplyOptions {
        ApplyOptions::new(&self.owner)
            .field_manager(&self.field_manager)
            .prune(self.prune)
            .force_conflicts(self.force_conflicts)
    }
}

/// `k8s-dsl diff`: 0 when nothing would change, 1 when something would, 2 on an error.
pub(crate) fn diff(args: &ClusterArgs) -> ExitCode {
    let Some(bundle) = bundle(&args.paths) else {
        return ExitCode::from(2);
    };
    let options = args.options();
    let result = run(async {
        let client = client().await?;
        cluster::diff(&client, &bundle, &options)
            .await
            .map_err(|e| e.to_string())
    });
    match result {
        Ok(diff) => {
            let _ = write!(std::io::stdout().lock(), "{diff}");
            if diff.has_changes() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => fail(&message),
    }
}

/// `k8s-dsl apply`: 0 when applied, 2 on an error (a conflict, a refused object, a timeout).
pub(crate) fn apply(args: &ApplyArgs) -> ExitCode {
    let Some(bundle) = bundle(&args.common.paths) else {
        return ExitCode::from(2);
    };
    let mut options = args.common.options().dry_run(args.dry_run);
    options.wait = args.wait;
    let result = run(async {
        let client = client().await?;
        cluster::apply(&client, &bundle, &options)
            .await
            .map_err(|e| e.to_string())
    });
    match result {
        Ok(report) => {
            let _ = write!(std::io::stdout().lock(), "{report}");
            ExitCode::SUCCESS
        }
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr().lock(), "k8s-dsl: {message}");
    ExitCode::from(2)
}

/// Runs `future` on a runtime of one thread.
fn run<T>(future: impl std::future::Future<Output = Result<T, String>>) -> Result<T, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?
        .block_on(future)
}

/// The client of the kubeconfig (`KUBECONFIG`, `~/.kube/config`) or, in a pod, of its service
/// account.
async fn client() -> Result<kube::Client, String> {
    kube::Client::try_default()
        .await
        .map_err(|e| format!("cannot connect to the cluster: {e}"))
}

/// Every object of the inputs in one bundle; `None` (with every problem printed) when an input
/// cannot be read or an object cannot be sent.
fn bundle(paths: &[String]) -> Option<Bundle> {
    let limits = crate::check::limits();
    let mut problems: Vec<String> = Vec::new();
    let mut bundle = Bundle::new();
    for input in crate::inputs::collect(paths) {
        let bytes = match input.and_then(|input| {
            let bytes = input.read(limits.input_bytes)?;
            Ok((input, bytes))
        }) {
            Ok(read) => read,
            Err(error) => {
                problems.push(error.to_string());
                continue;
            }
        };
        let (input, bytes) = bytes;
        let read = read::read_bytes(&input.name, &bytes, &limits);
        problems.extend(read.errors.iter().map(ToString::to_string));
        for document in read.documents {
            // A kustomization is kustomize's own file, never sent to the API server.
            if document.api_version.starts_with("kustomize.config.k8s.io/") {
                continue;
            }
            for problem in &document.problems {
                problems.push(format!(
                    "{}:{}: {}: {}: {}",
                    document.file, problem.line, document.id, problem.path, problem.message
                ));
            }
            if let Some(object) = document.object {
                bundle.push(object);
            }
        }
    }
    if let Err(errors) = bundle.check() {
        problems.extend(errors.errors.iter().map(ToString::to_string));
    }
    if problems.is_empty() {
        return Some(bundle);
    }
    let mut err = std::io::stderr().lock();
    for problem in &problems {
        let _ = writeln!(err, "{problem}");
    }
    let _ = writeln!(
        err,
        "k8s-dsl: nothing sent: {} problems (see `k8s-dsl check`)",
        problems.len()
    );
    None
}
