//! Text output: YAML and JSON. This is the one module that knows a text format.
//!
//! YAML is written by this crate's own serializer ([`yaml`]), chosen by the hostile-strings
//! tests: it quotes every string that a YAML 1.1 reader (Kubernetes' Go reader, PyYAML) or a
//! YAML 1.2 reader could take for anything but that string (`yes`, `on`, `12:30`, `0x1F`,
//! `2001-12-14`, `~`, `<<`, leading spaces, ...). serde_yaml 0.9 writes several of these plain,
//! which Kubernetes reads as booleans, numbers or dates. The same objects always give the same
//! bytes (k8s-openapi keeps fields in a fixed order and maps in `BTreeMap`s).
//!
//! ```
//! use k8s_dsl::prelude::*;
//!
//! let map = ConfigMap::new("settings").data("enabled", "yes").build()?;
//! let yaml = k8s_dsl::emit::to_yaml(&map)?;
//! assert!(yaml.contains("enabled: \"yes\"\n")); // quoted: YAML 1.1 reads `yes` as true
//! let json = k8s_dsl::emit::to_json(&map)?;
//! assert!(json.contains("\"enabled\": \"yes\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
pub mod json;
pub mod yaml;

pub use error::EmitError;
pub use json::{to_json, to_json_list};
pub use yaml::{to_yaml, YamlWriter};
