//! `k8s-dsl check`: read every input, validate every object, then all of them together.

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;

use k8s_dsl::bundle::Bundle;
use k8s_dsl::read::{self, Document, Limits, ReadError};

use crate::report::{Diagnostic, Severity, Summary};
use crate::{CheckArgs, Output};

/// The limits of reading, as [`Limits::default`] but for the number of documents and of
/// values in one input: the check streams (each document's values are dropped once it is
/// typed), so a large rendered file (the fleet of 10 000 pods and cronjobs, 20 000 documents
/// and 50 MB) is read whole; the limits of one input's bytes and one document still hold.
pub(crate) fn limits() -> Limits {
    Limits {
        documents: 100_000,
        nodes: 50_000_000,
        ..Limits::default()
    }
}

/// Runs the check and prints its result; the exit code says how it went.
///
/// One input is read at a time, and each object is checked as soon as it is read; what is
/// kept until the end is what the checks between objects need: every object (moved into the
/// bundle, not copied), and each object's place (file, kind, name, the line of each field)
/// to report them.
pub(crate) fn run(args: &CheckArgs) -> ExitCode {
    let limits = limits();
    let version = args.kubernetes_version;
    let mut unreadable: Vec<ReadError> = Vec::new();
    let mut read_errors: Vec<ReadError> = Vec::new();
    let mut documents: Vec<Document> = Vec::new();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let mut cross = Cross::default();
    for input in crate::inputs::collect(&args.paths) {
        let input = match input {
            Ok(input) => input,
            Err(error) => {
                unreadable.push(error);
                continue;
            }
        };
        let bytes = match input.read(limits.input_bytes) {
            Ok(bytes) => bytes,
            Err(error) => {
                unreadable.push(error);
                continue;
            }
        };
        let read = read::read_bytes(&input.name, &bytes, &limits);
        drop(bytes);
        read_errors.extend(read.errors);
        // A kustomization is kustomize's own file, never sent to the API server.
        for mut document in read
            .documents
            .into_iter()
            .filter(|d| !d.api_version.starts_with("kustomize.config.k8s.io/"))
        {
            let order = documents.len();
            let mut own = object_diagnostics(&document, version);
            for d in &mut own {
                d.order = order;
            }
            let invalid = own
                .iter()
                .any(|d| d.document.is_some() && d.severity == Severity::Error);
            diagnostics.extend(own);
            cross.add(order, &mut document, invalid);
            documents.push(document);
        }
    }
    unreadable.extend(read_errors);
    let read_errors = unreadable;
    let mut all: Vec<Diagnostic> = read_errors.iter().map(Diagnostic::unreadable).collect();
    all.extend(diagnostics);
    all.extend(cross.check(&documents, args.strict));
    let diagnostics = deduplicated(all);
    let summary = Summary::new(documents.len(), diagnostics);
    match args.output {
        Output::Text => summary.print_text(),
        Output::Json => summary.print_json(),
    }
    if !read_errors.is_empty() {
        ExitCode::from(2)
    } else if summary.errors > 0 || (args.strict && summary.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What the reading found (unknown fields, wrong types) and the object's own validation.
fn object_diagnostics(document: &Document, version: (u8, u8)) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = removed(document, version).into_iter().collect();
    out.extend(document.problems.iter().map(|p| {
        Diagnostic::at(
            document,
            p.line,
            p.path.as_str(),
            p.message.clone(),
            None,
            Severity::Error,
        )
    }));
    let Some(object) = &document.object else {
        return out;
    };
    let report = k8s_dsl::validate::object(object);
    for error in report.errors() {
        let path = error.path.as_str();
        out.push(Diagnostic::at(
            document,
            document.line_of(path),
            path,
            with_fix(&error.message, &error.fix),
            (error.rule != 0).then_some(error.rule),
            Severity::Error,
        ));
    }
    for warning in report.warnings() {
        let path = warning.path.as_str();
        out.push(Diagnostic::at(
            document,
            document.line_of(path),
            path,
            warning.message.clone(),
            None,
            Severity::Warning,
        ));
    }
    out
}

/// An `apiVersion` that the API server of `version` no longer serves.
fn removed(document: &Document, version: (u8, u8)) -> Option<Diagnostic> {
    let removed = read::removed_api(&document.api_version, &document.id.kind)?;
    if version < removed.removed_in {
        return None;
    }
    let (major, minor) = removed.removed_in;
    let fix = match removed.replacement {
        Some(replacement) => format!("use `apiVersion: {replacement}`"),
        None => format!("the kind itself is gone; remove the {}", document.id.kind),
    };
    Some(Diagnostic::at(
        document,
        document.line_of("apiVersion"),
        "apiVersion",
        format!(
            "{} `{}` is not served since Kubernetes {major}.{minor} (checked for {}.{}); {fix}",
            document.id.kind, document.api_version, version.0, version.1
        ),
        None,
        Severity::Error,
    ))
}

fn with_fix(message: &str, fix: &str) -> String {
    if fix.is_empty() {
        message.to_owned()
    } else {
        format!("{message}; {fix}")
    }
}

/// Whether a cross-object error is about an object that none of the inputs holds (a
/// reference to it, a selector matching no pod of the inputs): the cluster may hold it.
fn is_absent_reference(message: &str) -> bool {
    message.contains("is not in the bundle") || message.contains("matches no pods")
}

/// Whether an object of `kind` runs pods (so a selector may mean its pods).
fn runs_pods(kind: &str) -> bool {
    matches!(
        kind,
        "Pod" | "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet" | "Job" | "CronJob"
    )
}

/// The bundle's checks between the objects: references, selectors, duplicates. An object with
/// errors of its own is left out of them by the bundle; a reference to it is no problem (it
/// is among the inputs), and a selector may mean its pods: neither is reported.
#[derive(Default)]
struct Cross {
    bundle: Bundle,
    by_id: HashMap<String, Vec<usize>>,
    invalid_pods_in: HashSet<Option<String>>,
}

impl Cross {
    /// Takes the object of the document `order` (read, and checked alone: `invalid` if it has
    /// errors of its own) into the bundle.
    fn add(&mut self, order: usize, document: &mut Document, invalid: bool) {
        if invalid {
            let bundle = std::mem::take(&mut self.bundle);
            self.bundle =
                bundle.provided_by_cluster(document.id.kind.clone(), document.id.name.clone());
            if runs_pods(&document.id.kind) {
                self.invalid_pods_in.insert(document.id.namespace.clone());
            }
        }
        if let Some(object) = document.object.take() {
            self.by_id
                .entry(object.id().to_string())
                .or_default()
                .push(order);
            self.bundle.push(object);
        }
    }

    /// The problems between the objects, placed in `documents` (whose objects it holds).
    fn check(self, documents: &[Document], strict: bool) -> Vec<Diagnostic> {
        let Cross {
            bundle,
            by_id,
            invalid_pods_in,
        } = self;
        cross_object(&bundle, &by_id, &invalid_pods_in, documents, strict)
    }
}

fn cross_object(
    bundle: &Bundle,
    by_id: &HashMap<String, Vec<usize>>,
    invalid_pods_in: &HashSet<Option<String>>,
    documents: &[Document],
    strict: bool,
) -> Vec<Diagnostic> {
    let (errors, warnings) = match bundle.check() {
        Ok(warnings) => (Vec::new(), warnings),
        Err(errors) => (errors.errors, errors.warnings),
    };
    let mut out = Vec::new();
    let place = |text: &str, duplicate: bool| -> Option<(usize, String)> {
        // `Kind/namespace/name: path`, or `Kind/namespace/name` alone.
        let (id, path) = match text.split_once(": ") {
            Some((id, path)) => (id, path.to_owned()),
            None => (text, String::new()),
        };
        let found = by_id.get(id)?;
        let index = if duplicate {
            found.get(1).or(found.first())
        } else {
            found.first()
        };
        index.map(|i| (*i, path))
    };
    for error in errors {
        let duplicate = error.message.contains("more than once");
        let Some((i, path)) = place(error.path.as_str(), duplicate) else {
            continue;
        };
        let Some(document) = documents.get(i) else {
            continue;
        };
        if error.message.contains("matches no pods")
            && invalid_pods_in.contains(&document.id.namespace)
        {
            continue;
        }
        let (severity, message) = if is_absent_reference(&error.message) {
            let message = format!(
                "{}; none of the inputs holds it: fine if the cluster does",
                error
                    .message
                    .replace("is not in the bundle", "is not among the inputs")
            );
            let severity = if strict {
                Severity::Error
            } else {
                Severity::Warning
            };
            (severity, message)
        } else {
            (Severity::Error, with_fix(&error.message, &error.fix))
        };
        let mut d = Diagnostic::at(
            document,
            document.line_of(&path),
            &path,
            message,
            (error.rule != 0).then_some(error.rule),
            severity,
        );
        d.order = i;
        out.push(d);
    }
    for warning in warnings {
        let Some((i, path)) = place(warning.path.as_str(), false) else {
            continue;
        };
        let Some(document) = documents.get(i) else {
            continue;
        };
        let mut d = Diagnostic::at(
            document,
            document.line_of(&path),
            &path,
            warning.message.clone(),
            None,
            Severity::Warning,
        );
        d.order = i;
        out.push(d);
    }
    out
}

/// Each diagnostic once (the bundle's checks may repeat an object's own), in the order of the
/// inputs.
fn deduplicated(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen: HashSet<(usize, String, String, Severity)> = HashSet::new();
    let mut out: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            d.document.is_none()
                || seen.insert((d.order, d.path.clone(), d.message.clone(), d.severity))
        })
        .collect();
    out.sort_by_key(|d| (d.document.is_some(), d.order));
    out
}
