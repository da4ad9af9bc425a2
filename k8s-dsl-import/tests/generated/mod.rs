//! placeholder until blessed

/// The function building a file's objects.
pub type Objects = fn() -> Result<Vec<k8s_dsl::bundle::Object>, Box<dyn std::error::Error>>;

/// Every corpus file.
pub const CASES: &[(&str, Objects)] = &[];
