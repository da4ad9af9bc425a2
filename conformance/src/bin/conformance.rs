//! The differential tests of the rules: every case of `k8s_dsl_conformance::cases` (valid
//! objects and their mutations at each rule's boundary) goes to the test server (dry run) and
//! to `k8s-dsl check --output json`; per rule, the verdicts and the field paths of the errors
//! are compared.
//!
//! `bash scripts/conformance` builds and starts everything; by hand:
//! `bash scripts/apiserver run target/debug/conformance [--server-only]`.
//!
//! - `K8S_DSL_CHECK_BIN`: our side, `target/debug/k8s-dsl` unless set (`cargo build -p
//!   k8s-dsl-cli`). Without it the program fails, saying so; `--server-only` prints the
//!   server's verdicts alone.
//! - `K8S_DSL_CONFORMANCE_DIR`: where the cases and `report.md` go (`target/conformance`).
//!
//! A verdict agrees when both accept or both refuse (an error of ours; a warning is not a
//! refusal). An error path agrees when both refuse and one of the server's field paths
//! (`status.details.causes[].field`, or the field of a strict-decoding error) is the path of
//! one of our errors. Disagreements listed in `conformance/known-differences.tsv` (rule, case,
//! why) are reported but do not fail the run; every other one does. The last line printed is
//! `conformance: A of T verdicts agree with kube-apiserver 1.37.2; P of R error paths agree`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use k8s_dsl_conformance::cases::{self, Case};
use k8s_dsl_conformance::server::{Server, Verdict};
use k8s_dsl_conformance::{Error, SERVER_VERSION};
use serde_json::Value;

const NAMESPACE: &str = "conformance";

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let server_only = std::env::args().skip(1).any(|a| a == "--server-only");
    match run(server_only).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// Our verdict on one document: the paths of our errors (none: accepted) and our warnings.
#[derive(Debug, Default, Clone)]
struct Ours {
    errors: Vec<(String, String)>,
    warnings: usize,
}

impl Ours {
    fn refuses(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// One compared case.
struct Outcome<'a> {
    case: &'a Case,
    server: Verdict,
    ours: Option<Ours>,
}

impl Outcome<'_> {
    fn server_refuses(&self) -> bool {
        !self.server.accepted()
    }

    fn agrees(&self) -> Option<bool> {
        self.ours
            .as_ref()
            .map(|o| o.refuses() == self.server_refuses())
    }

    /// Some(agree) when both refuse.
    fn path_agrees(&self) -> Option<bool> {
        let ours = self.ours.as_ref()?;
        if !(ours.refuses() && self.server_refuses()) {
            return None;
        }
        let server = server_paths(&self.server);
        Some(ours.errors.iter().any(|(path, _)| server.contains(path)))
    }
}

/// The server's field paths: the causes' fields, and the field a strict-decoding error names
/// (`unknown field "spec.x"`, `duplicate field "spec.x"`).
fn server_paths(verdict: &Verdict) -> BTreeSet<String> {
    let mut paths: BTreeSet<String> = verdict
        .causes
        .iter()
        .map(|c| c.field.clone())
        .filter(|f| !f.is_empty())
        .collect();
    for marker in ["unknown field \"", "duplicate field \""] {
        let mut rest = verdict.message.as_str();
        while let Some(start) = rest.find(marker) {
            let after = rest.get(start + marker.len()..).unwrap_or("");
            if let Some(end) = after.find('"') {
                paths.insert(after.get(..end).unwrap_or("").to_owned());
            }
            rest = after;
        }
    }
    paths
}

fn describe_server(verdict: &Verdict) -> String {
    if verdict.accepted() {
        return "accepts".into();
    }
    let paths: Vec<String> = server_paths(verdict).into_iter().collect();
    format!(
        "refuses ({} {}) [{}]: {}",
        verdict.code,
        verdict.reason,
        paths.join(", "),
        first_line(&verdict.message)
    )
}

fn describe_ours(ours: &Ours) -> String {
    if !ours.refuses() {
        return format!("accepts ({} warnings)", ours.warnings);
    }
    let errors: Vec<String> = ours
        .errors
        .iter()
        .map(|(path, message)| format!("{path}: {}", first_line(message)))
        .collect();
    format!("refuses [{}]", errors.join("; "))
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("");
    if line.chars().count() > 240 {
        format!("{}...", line.chars().take(240).collect::<String>())
    } else {
        line.to_owned()
    }
}

/// (rule, case) → why, from `conformance/known-differences.tsv`.
fn known_differences(root: &Path) -> Result<BTreeMap<(u8, String), String>, Error> {
    let path = root.join("conformance/known-differences.tsv");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut known = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (Some(rule), Some(case), Some(why)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("{}: not `rule<TAB>case<TAB>why`: {line}", path.display()).into());
        };
        let rule: u8 = rule
            .parse()
            .map_err(|_| format!("{}: not a rule number: {rule}", path.display()))?;
        known.insert((rule, case.to_owned()), why.to_owned());
    }
    Ok(known)
}

/// Writes each case to a file of its own (`cases/rule-NN-III.yaml`): `k8s-dsl check` judges a
/// set of files as one bundle, and every case is an object named `case`, so cases checked
/// together would be duplicates of each other. Alone, each is judged as the server judges it.
fn write_cases(
    dir: &Path,
    by_rule: &BTreeMap<u8, Vec<&Case>>,
) -> Result<BTreeMap<u8, Vec<PathBuf>>, Error> {
    let cases_dir = dir.join("cases");
    if cases_dir.exists() {
        std::fs::remove_dir_all(&cases_dir)?;
    }
    std::fs::create_dir_all(&cases_dir)?;
    let mut files = BTreeMap::new();
    for (rule, cases) in by_rule {
        let mut written = Vec::new();
        for (index, case) in cases.iter().enumerate() {
            let mut text = format!("# rule {rule}: {}\n", case.name.replace('\n', " "));
            text.push_str(&serde_yaml::to_string(&case.object)?);
            let file = cases_dir.join(format!("rule-{rule:02}-{index:03}.yaml"));
            std::fs::write(&file, text)?;
            written.push(file);
        }
        files.insert(*rule, written);
    }
    Ok(files)
}

/// Our verdict on each case of one rule: `k8s-dsl check` on each case's file alone.
fn check_each(bin: &Path, files: &[PathBuf]) -> Result<Vec<Ours>, Error> {
    let mut ours = Vec::with_capacity(files.len());
    for file in files {
        ours.extend(check(bin, file, 1)?);
    }
    Ok(ours)
}

/// `k8s-dsl check --output json FILE`: our errors per document.
fn check(bin: &Path, file: &Path, documents: usize) -> Result<Vec<Ours>, Error> {
    let output = Command::new(bin)
        .args(["check", "--output", "json"])
        .arg(file)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    let code = output.status.code().unwrap_or(-1);
    if code != 0 && code != 1 {
        return Err(format!(
            "{} check --output json {} exited with {code}: {}",
            bin.display(),
            file.display(),
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    let report: Value = serde_json::from_slice(&output.stdout).map_err(|e| {
        format!(
            "{} check --output json {}: not the JSON of the contract ({e}): {}",
            bin.display(),
            file.display(),
            String::from_utf8_lossy(&output.stdout)
        )
    })?;
    let mut ours = vec![Ours::default(); documents];
    let diagnostics = report
        .get("diagnostics")
        .and_then(Value::as_array)
        .ok_or("the check's JSON has no `diagnostics` array")?;
    for diagnostic in diagnostics {
        let document = diagnostic
            .get("document")
            .and_then(Value::as_u64)
            .and_then(|d| usize::try_from(d).ok())
            .ok_or("a diagnostic without `document`")?;
        let Some(entry) = ours.get_mut(document) else {
            return Err(format!(
                "a diagnostic of document {document}, past the {documents} written"
            )
            .into());
        };
        let path = diagnostic
            .get("path")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let message = diagnostic
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        match diagnostic.get("severity").and_then(Value::as_str) {
            Some("error") => entry.errors.push((path, message)),
            _ => entry.warnings += 1,
        }
    }
    let refused = ours.iter().filter(|o| o.refuses()).count();
    if (code == 1) != (refused > 0) {
        return Err(format!(
            "{} check on {}: exit code {code} but {refused} documents with errors",
            bin.display(),
            file.display()
        )
        .into());
    }
    Ok(ours)
}

async fn run(server_only: bool) -> Result<bool, Error> {
    let root = std::env::current_dir()?;
    let dir = std::env::var_os("K8S_DSL_CONFORMANCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/conformance"));
    let bin = std::env::var_os("K8S_DSL_CHECK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/debug/k8s-dsl"));
    if !server_only && !bin.is_file() {
        return Err(format!(
            "our side is missing: {} does not exist. The differential tests compare the server \
             with `k8s-dsl check --output json`: build it with `cargo build -p k8s-dsl-cli`, or \
             name the binary in K8S_DSL_CHECK_BIN (--server-only prints the server's verdicts alone)",
            bin.display()
        )
        .into());
    }
    let known = known_differences(&root)?;
    let all = cases::all();
    let mut by_rule: BTreeMap<u8, Vec<&Case>> = BTreeMap::new();
    for case in &all {
        by_rule.entry(case.rule).or_default().push(case);
    }
    let files = write_cases(&dir, &by_rule)?;

    let server = Server::connect().await?;
    server.create_namespace(NAMESPACE, &BTreeMap::new()).await?;
    let mut outcomes: BTreeMap<u8, Vec<Outcome<'_>>> = BTreeMap::new();
    for (rule, cases) in &by_rule {
        let ours = match (server_only, files.get(rule)) {
            (false, Some(files)) => Some(check_each(&bin, files)?),
            _ => None,
        };
        for (index, case) in cases.iter().enumerate() {
            let verdict = server
                .dry_run(&case.object, NAMESPACE)
                .await?
                .ok_or_else(|| {
                    format!(
                        "rule {rule} {}: the server does not serve this kind",
                        case.name
                    )
                })?;
            outcomes.entry(*rule).or_default().push(Outcome {
                case,
                server: verdict,
                ours: ours.as_ref().and_then(|o| o.get(index).cloned()),
            });
        }
    }

    if server_only {
        for (rule, outcomes) in &outcomes {
            for outcome in outcomes {
                println!(
                    "rule {rule:>2} {:<60} server {}",
                    outcome.case.name,
                    describe_server(&outcome.server)
                );
            }
        }
        let refused: usize = outcomes
            .values()
            .flatten()
            .filter(|o| o.server_refuses())
            .count();
        println!(
            "conformance (server side only, no `k8s-dsl check` compared): kube-apiserver {SERVER_VERSION} refused {refused} of {} cases of {} rules",
            all.len(),
            outcomes.len()
        );
        return Ok(true);
    }

    let mut report = String::new();
    report.push_str(&format!(
        "# Differential tests against kube-apiserver {SERVER_VERSION}\n\n\
         Written by `bash scripts/conformance`. A verdict agrees when the server and `k8s-dsl check` \
         both accept or both refuse; an error path agrees when, both refusing, one of the server's \
         field paths is the path of one of our errors.\n\n\
         | rule | cases | verdicts agree | both refuse | paths agree | disagreements |\n\
         | ---: | ---: | ---: | ---: | ---: | --- |\n"
    ));
    let (mut agree, mut total, mut paths_agree, mut paths_total) = (0, 0, 0, 0);
    let mut unexplained = Vec::new();
    let mut explained = Vec::new();
    let mut details = String::new();
    let mut stale: BTreeSet<(u8, String)> = known.keys().cloned().collect();
    for (rule, outcomes) in &outcomes {
        let cases = outcomes.len();
        let verdicts = outcomes.iter().filter(|o| o.agrees() == Some(true)).count();
        let both: Vec<bool> = outcomes.iter().filter_map(Outcome::path_agrees).collect();
        let paths = both.iter().filter(|a| **a).count();
        agree += verdicts;
        total += cases;
        paths_agree += paths;
        paths_total += both.len();
        let mut names = Vec::new();
        for outcome in outcomes {
            let key = (*rule, outcome.case.name.clone());
            let verdict_differs = outcome.agrees() == Some(false);
            let path_differs = outcome.path_agrees() == Some(false);
            if !(verdict_differs || path_differs) {
                continue;
            }
            let what = if verdict_differs { "verdict" } else { "path" };
            let ours = outcome.ours.as_ref().map(describe_ours).unwrap_or_default();
            let line = format!(
                "rule {rule} `{}` ({what}): server {}; ours {}",
                outcome.case.name,
                describe_server(&outcome.server),
                ours
            );
            names.push(format!("`{}` ({what})", outcome.case.name));
            stale.remove(&key);
            match known.get(&key) {
                Some(why) => explained.push(format!("{line}\n    known: {why}")),
                None => unexplained.push(line.clone()),
            }
            details.push_str(&format!("- {line}\n"));
        }
        report.push_str(&format!(
            "| {rule} | {cases} | {verdicts} | {} | {paths} | {} |\n",
            both.len(),
            names.join(", ")
        ));
        println!(
            "rule {rule:>2}: {cases:>3} cases, {verdicts:>3} verdicts agree, {paths:>3} of {:>3} error paths agree",
            both.len()
        );
    }
    report.push_str(&format!(
        "\n**{agree} of {total} verdicts agree; {paths_agree} of {paths_total} error paths agree.**\n"
    ));
    if !details.is_empty() {
        report.push_str("\n## Disagreements\n\n");
        report.push_str(&details);
    }
    if !explained.is_empty() {
        report.push_str("\n## Known differences (conformance/known-differences.tsv)\n\n");
        for line in &explained {
            report.push_str(&format!("- {line}\n"));
        }
    }
    std::fs::create_dir_all(&dir)?;
    let report_file = dir.join("report.md");
    std::fs::write(&report_file, report)?;

    for line in &explained {
        println!("known difference: {line}");
    }
    for (rule, case) in &stale {
        println!(
            "note: known-differences.tsv lists rule {rule} `{case}`, which now agrees (or is gone)"
        );
    }
    for line in &unexplained {
        println!("DISAGREES: {line}");
    }
    println!("report: {}", report_file.display());
    println!(
        "conformance: {agree} of {total} verdicts agree with kube-apiserver {SERVER_VERSION}; {paths_agree} of {paths_total} error paths agree"
    );
    Ok(unexplained.is_empty())
}
