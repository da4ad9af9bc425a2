//! Sends every document of every YAML or JSON file under the given paths to the test server
//! with a server-side dry run (`dryRun=All`, `fieldValidation=Strict`), each file's namespaced
//! objects into a namespace of its own that this program creates. Every object must be
//! accepted: the program prints the server's message for each refused one and fails. The
//! server's warnings are printed; objects of kinds the server does not serve (custom resources
//! without their CRD) are skipped and listed. Documents that are refused on purpose (emitter
//! tests, importer input with a misspelt field) are listed with the reason in
//! `conformance/known-refusals.tsv`: reported, not failing, and a line there whose documents
//! are all accepted fails the run too.
//!
//! `bash scripts/apiserver run target/debug/dry-run PATH...` (from the repository's root)

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use k8s_dsl_conformance::documents::{self, Document};
use k8s_dsl_conformance::server::Server;
use k8s_dsl_conformance::{Error, SERVER_VERSION};

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: dry-run PATH...");
        return ExitCode::from(2);
    }
    match run(&paths).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// One line of `conformance/known-refusals.tsv`.
struct KnownRefusal {
    file: String,
    document: Option<usize>,
    why: String,
    seen: bool,
}

impl KnownRefusal {
    fn matches(&self, doc: &Document) -> bool {
        doc.file.to_string_lossy().ends_with(&self.file)
            && self.document.is_none_or(|d| d == doc.index)
    }
}

fn known_refusals() -> Result<Vec<KnownRefusal>, Error> {
    let path = "conformance/known-refusals.tsv";
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut known = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (Some(file), Some(document), Some(why)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("{path}: not `file<TAB>document<TAB>why`: {line}").into());
        };
        let document = match document {
            "*" => None,
            n => Some(
                n.parse()
                    .map_err(|_| format!("{path}: not a document index: {n}"))?,
            ),
        };
        known.push(KnownRefusal {
            file: file.to_owned(),
            document,
            why: why.to_owned(),
            seen: false,
        });
    }
    Ok(known)
}

async fn run(paths: &[PathBuf]) -> Result<bool, Error> {
    let mut known = known_refusals()?;
    let server = Server::connect().await?;
    let mut files = Vec::new();
    for path in paths {
        files.extend(documents::files(path)?);
    }
    let (mut sent, mut accepted) = (0usize, 0usize);
    let mut refused: Vec<String> = Vec::new();
    let mut expected: Vec<String> = Vec::new();
    let mut skipped: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut warnings: Vec<String> = Vec::new();
    for (number, file) in files.iter().enumerate() {
        let docs = documents::read(file)?;
        let namespace = format!("dry-run-{number}");
        server
            .create_namespace(&namespace, &BTreeMap::new())
            .await?;
        for doc in &docs {
            match server.dry_run(&doc.object, &namespace).await? {
                None => {
                    let kind = format!("{} {}", doc.api_version(), doc.kind());
                    skipped.entry(kind).or_default().push(doc.label());
                }
                Some(verdict) => {
                    sent += 1;
                    for warning in &verdict.warnings {
                        warnings.push(format!("{}: {warning}", doc.label()));
                    }
                    if verdict.accepted() {
                        accepted += 1;
                    } else if let Some(entry) = known.iter_mut().find(|k| k.matches(doc)) {
                        entry.seen = true;
                        expected.push(format!(
                            "{}\n    known: {}",
                            refusal(doc, &verdict),
                            entry.why
                        ));
                    } else {
                        refused.push(refusal(doc, &verdict));
                    }
                }
            }
        }
    }
    for warning in &warnings {
        println!("warning: {warning}");
    }
    for (kind, docs) in &skipped {
        println!(
            "skipped (no such kind on the server, a custom resource without its CRD): {kind}: {}",
            docs.len()
        );
        for doc in docs {
            println!("  {doc}");
        }
    }
    for message in &expected {
        println!("refused, as known: {message}");
    }
    let stale: Vec<&KnownRefusal> = known
        .iter()
        .filter(|k| !k.seen && files.iter().any(|f| f.to_string_lossy().ends_with(&k.file)))
        .collect();
    for entry in &stale {
        println!(
            "STALE conformance/known-refusals.tsv: {} #{} is accepted now: remove its line",
            entry.file,
            entry.document.map_or("*".to_string(), |d| d.to_string())
        );
    }
    for message in &refused {
        println!("REFUSED {message}");
    }
    let skipped_count: usize = skipped.values().map(Vec::len).sum();
    println!(
        "dry-run: kube-apiserver {SERVER_VERSION} accepted {accepted} of {sent} objects from {} files \
         ({} refused, {} refused as known, {skipped_count} skipped, {} warnings)",
        files.len(),
        refused.len(),
        expected.len(),
        warnings.len()
    );
    Ok(refused.is_empty() && stale.is_empty() && sent > 0)
}

fn refusal(doc: &Document, verdict: &k8s_dsl_conformance::server::Verdict) -> String {
    let mut text = format!(
        "{}: {} {}: {}",
        doc.label(),
        verdict.code,
        verdict.reason,
        verdict.message
    );
    for cause in &verdict.causes {
        text.push_str(&format!("\n    {}: {}", cause.field, cause.message));
    }
    text
}
