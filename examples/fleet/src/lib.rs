//! The fleet benchmark: `N` copies of a realistic workload (a Pod `web-i` with five
//! containers, and a CronJob `report-i`), built with the k8s-dsl builders, written with its
//! macros (`pod!`, `cronjob!`) or as plain k8s-openapi literals (the baseline), and streamed object by object as YAML (this crate's
//! emitter, or serde_yaml for comparison) or JSON (serde_json).
//!
//! ```
//! use k8s_dsl_fleet::{write_fleet, Emit, Source};
//!
//! let out = write_fleet(2, Source::Builders, Emit::Yaml, Vec::new())?;
//! let text = String::from_utf8(out)?;
//! assert_eq!(text.matches("\nkind: Pod\n").count(), 2);
//! # Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
//! ```
//!
//! The binary `fleet` runs it from the command line; `benches/fleet.rs` times it, and
//! `bench.sh` measures whole runs (wall time, bytes per second, peak memory).

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use k8s_dsl::emit::YamlWriter;
use serde::Serialize;

pub use k8s_dsl_fleet_baseline::fleet_baseline;
pub use k8s_dsl_fleet_builders::fleet_builders;
pub use k8s_dsl_fleet_macros::fleet_macros;

/// Any error of a fleet run (a build error, an I/O error, a serializer's error).
pub type FleetError = Box<dyn std::error::Error + Send + Sync>;

/// How the objects are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The k8s-dsl builders, checked by `build()` ([`fleet_builders`]).
    Builders,
    /// The k8s-dsl macros `pod!` and `cronjob!`, checked while compiling and by `build()`
    /// ([`fleet_macros`]).
    Macros,
    /// Plain k8s-openapi struct literals, unchecked ([`fleet_baseline`]).
    Baseline,
}

/// How the objects are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emit {
    /// YAML by `k8s_dsl::emit::YamlWriter` (documents separated by `---`).
    Yaml,
    /// YAML by serde_yaml 0.9 (documents separated by `---`), for comparison.
    SerdeYaml,
    /// JSON by serde_json: one `v1` `List` holding every object, written compactly.
    Json,
}

impl FromStr for Source {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "builders" => Ok(Source::Builders),
            "macros" => Ok(Source::Macros),
            "baseline" => Ok(Source::Baseline),
            other => Err(format!(
                "unknown source `{other}`; expected `builders`, `macros` or `baseline`"
            )),
        }
    }
}

impl FromStr for Emit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "yaml" => Ok(Emit::Yaml),
            "serde-yaml" => Ok(Emit::SerdeYaml),
            "json" => Ok(Emit::Json),
            other => Err(format!(
                "unknown output `{other}`; expected `yaml`, `serde-yaml` or `json`"
            )),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Builders => "builders",
            Source::Macros => "macros",
            Source::Baseline => "baseline",
        })
    }
}

impl fmt::Display for Emit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Emit::Yaml => "yaml",
            Emit::SerdeYaml => "serde-yaml",
            Emit::Json => "json",
        })
    }
}

/// Writes objects one at a time in the chosen form; nothing is kept after an object is
/// written, so memory does not grow with the number of objects.
pub enum Emitter<W: Write> {
    /// k8s-dsl's YAML.
    Yaml(YamlWriter<W>),
    /// serde_yaml's YAML.
    SerdeYaml {
        /// Where the documents go.
        sink: W,
        /// How many were written.
        documents: usize,
    },
    /// A JSON `List`, opened on the first object and closed by [`Emitter::finish`].
    Json {
        /// Where the list goes.
        sink: W,
        /// How many items were written.
        documents: usize,
    },
}

impl<W: Write> Emitter<W> {
    /// An emitter of the form `emit` writing to `sink` (wrap files in a `BufWriter`).
    pub fn new(emit: Emit, sink: W) -> Self {
        match emit {
            Emit::Yaml => Emitter::Yaml(YamlWriter::new(sink)),
            Emit::SerdeYaml => Emitter::SerdeYaml { sink, documents: 0 },
            Emit::Json => Emitter::Json { sink, documents: 0 },
        }
    }

    /// Writes one object.
    pub fn write<T: Serialize>(&mut self, object: &T) -> Result<(), FleetError> {
        match self {
            Emitter::Yaml(writer) => writer.write(object)?,
            Emitter::SerdeYaml { sink, documents } => {
                if *documents > 0 {
                    sink.write_all(b"---\n")?;
                }
                serde_yaml::to_writer(&mut *sink, object)?;
                *documents += 1;
            }
            Emitter::Json { sink, documents } => {
                let separator: &[u8] = if *documents == 0 {
                    b"{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n"
                } else {
                    b",\n"
                };
                sink.write_all(separator)?;
                serde_json::to_writer(&mut *sink, object)?;
                *documents += 1;
            }
        }
        Ok(())
    }

    /// Closes the output (the JSON list), flushes and returns the sink.
    pub fn finish(self) -> Result<W, FleetError> {
        match self {
            Emitter::Yaml(writer) => Ok(writer.finish()?),
            Emitter::SerdeYaml { mut sink, .. } => {
                sink.flush()?;
                Ok(sink)
            }
            Emitter::Json {
                mut sink,
                documents,
            } => {
                if documents == 0 {
                    sink.write_all(b"{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[")?;
                }
                sink.write_all(b"]}\n")?;
                sink.flush()?;
                Ok(sink)
            }
        }
    }
}

/// Makes the objects of fleet member `i` and hands each to `emitter`.
pub fn emit_member<W: Write>(
    source: Source,
    i: usize,
    emitter: &mut Emitter<W>,
) -> Result<(), FleetError> {
    match source {
        Source::Builders => {
            for object in fleet_builders(i)? {
                emitter.write(&object)?;
            }
        }
        Source::Macros => {
            for object in fleet_macros(i)? {
                emitter.write(&object)?;
            }
        }
        Source::Baseline => {
            let (pod, cron) = fleet_baseline(i);
            emitter.write(&pod)?;
            emitter.write(&cron)?;
        }
    }
    Ok(())
}

/// Makes fleet members `0..n` from `source` and streams them to `sink` in the form `emit`,
/// one object at a time; returns the flushed sink.
pub fn write_fleet<W: Write>(
    n: usize,
    source: Source,
    emit: Emit,
    sink: W,
) -> Result<W, FleetError> {
    let mut emitter = Emitter::new(emit, sink);
    for i in 0..n {
        emit_member(source, i, &mut emitter)?;
    }
    emitter.finish()
}

/// A writer that only counts bytes (for benchmarks and byte rates).
#[derive(Debug, Default, Clone, Copy)]
pub struct CountingSink {
    /// Bytes written so far.
    pub bytes: u64,
}

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
