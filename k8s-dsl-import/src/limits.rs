//! The bounds on what one import reads, so that no input makes it run long or use much
//! memory: each is checked before the work it bounds, and an input past one is an error
//! naming the limit.
//!
//! | limit | value | why |
//! |-------|-------|-----|
//! | [`MAX_FILE_BYTES`] | 16 MiB | a file is read into memory once; the objects read from it take about 20 times its size |
//! | [`MAX_TOTAL_BYTES`] | 64 MiB | every file of a directory together |
//! | [`MAX_DOCUMENTS`] | 10 000 | documents of one import, all files together |
//! | [`MAX_DEPTH`] | 64 | nesting of mappings and lists; Kubernetes objects stay under 20 |
//! | [`MAX_NODES`] | 300 000 | mappings, lists and scalars of one import (the total work: each takes a few hundred bytes once read; 1 MB of manifests holds about 100 000) |
//! | [`MAX_FILES`] | 10 000 | manifest files found under a directory |
//!
//! ```
//! use k8s_dsl_import::{import_str, Options};
//!
//! let deep = format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: {}{}\n", "[".repeat(200), "]".repeat(200));
//! let errors = import_str("deep.yaml", &deep, &Options::default()).err().unwrap_or_default();
//! assert!(errors.iter().any(|e| e.message.contains("nesting limit of 64")), "{errors:?}");
//! ```

/// The largest manifest file read, in bytes.
///
/// ```
/// assert_eq!(k8s_dsl_import::limits::MAX_FILE_BYTES, 16 * 1024 * 1024);
/// ```
pub const MAX_FILE_BYTES: usize = 16 << 20;
/// The largest total of the files of one import, in bytes.
///
/// ```
/// use k8s_dsl_import::limits::{MAX_FILE_BYTES, MAX_TOTAL_BYTES};
/// assert_eq!(MAX_TOTAL_BYTES, 4 * MAX_FILE_BYTES);
/// ```
pub const MAX_TOTAL_BYTES: usize = 64 << 20;
/// The most documents one import reads (all its files together).
///
/// ```
/// use k8s_dsl_import::{import_str, limits::MAX_DOCUMENTS, Options};
///
/// let one = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n";
/// let many = one.repeat(MAX_DOCUMENTS + 1);
/// let errors = import_str("many.yaml", &many, &Options::default()).err().unwrap_or_default();
/// assert!(!errors.is_empty());
/// ```
pub const MAX_DOCUMENTS: usize = 10_000;
/// The deepest nesting of mappings and lists read.
///
/// ```
/// assert_eq!(k8s_dsl_import::limits::MAX_DEPTH, 64);
/// ```
pub const MAX_DEPTH: usize = 64;
/// The most nodes (mappings, lists, scalars) one import reads, all files together, as
/// counted before parsing (each line, each flow bracket and each comma counts one).
///
/// ```
/// assert_eq!(k8s_dsl_import::limits::MAX_NODES, 300_000);
/// ```
pub const MAX_NODES: usize = 300_000;
/// The most manifest files read under a directory.
///
/// ```
/// assert_eq!(k8s_dsl_import::limits::MAX_FILES, 10_000);
/// ```
pub const MAX_FILES: usize = 10_000;

pub(crate) fn file_too_large(bytes: usize) -> String {
    format!(
        "the file has {bytes} bytes, over the importer's limit of {MAX_FILE_BYTES} bytes (16 MiB) per file; split it"
    )
}

pub(crate) fn total_too_large(bytes: usize) -> String {
    format!(
        "the files hold {bytes} bytes together, over the importer's limit of {MAX_TOTAL_BYTES} bytes (64 MiB) per import; import the directories one by one"
    )
}

pub(crate) fn too_many_documents(documents: usize) -> String {
    format!(
        "{documents} documents or more, over the importer's limit of {MAX_DOCUMENTS} documents per import; split the input"
    )
}

pub(crate) fn too_many_files() -> String {
    format!(
        "more than {MAX_FILES} manifest files, over the importer's limit of {MAX_FILES} files per import; import the directories one by one"
    )
}

pub(crate) fn too_many_nodes() -> String {
    format!(
        "more than {MAX_NODES} mappings, lists and values, over the importer's limit of {MAX_NODES} per import (the total work); split the input"
    )
}

pub(crate) fn nested_too_deep(depth: usize) -> String {
    format!(
        "mappings and lists nested {depth} deep here, over the importer's nesting limit of {MAX_DEPTH}; no Kubernetes object needs as many"
    )
}

/// The first line (from 1) where mappings and lists nest more than [`MAX_DEPTH`] deep (or the
/// nodes pass [`MAX_NODES`]), with the message, found in one pass over the text before any
/// YAML is parsed.
///
/// It counts the flow brackets (`[`, `{`) open outside quotes and comments, plus the block
/// levels (indentations and `- ` items) open on the line; the text of block scalars (`|`,
/// `>`) is skipped. It never counts less than a YAML reader nests (a bracket inside a plain
/// scalar may count more, which only matters past the limit).
#[cfg(test)]
fn too_deep(text: &str) -> Option<(usize, String)> {
    let mut nodes = 0;
    scan(text, &mut nodes)
}

/// [`too_deep`], also counting the nodes of `text` into `nodes`: past [`MAX_NODES`], the
/// line where the count passed it, with the message.
pub(crate) fn scan(text: &str, nodes: &mut usize) -> Option<(usize, String)> {
    let mut flow = 0usize;
    let mut blocks: Vec<usize> = Vec::new();
    // The indentation of the line that opened a block scalar: lines deeper than it are text.
    let mut scalar_of: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let content = line.trim_start_matches(' ');
        let indent = line.len() - content.len();
        if let Some(parent) = scalar_of {
            if content.trim().is_empty() || indent > parent {
                continue;
            }
            scalar_of = None;
        }
        if content.trim().is_empty() || content.starts_with('#') {
            continue;
        }
        let mut level = 0;
        if flow == 0 {
            // Block levels: one per indentation still open, one per `- ` starting the line.
            while blocks.last().is_some_and(|&open| open >= indent) {
                blocks.pop();
            }
            blocks.push(indent);
            let mut rest = content;
            while let Some(after) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
                level += 1;
                rest = after.trim_start();
            }
        }
        let (depth, opens_scalar) = scan_line(content, &mut flow, nodes);
        let total = blocks.len() + level + depth.max(flow);
        if total > MAX_DEPTH {
            return Some((i + 1, nested_too_deep(total)));
        }
        *nodes += 1 + level;
        if *nodes > MAX_NODES {
            return Some((i + 1, too_many_nodes()));
        }
        if opens_scalar && flow == 0 {
            scalar_of = Some(indent);
        }
    }
    None
}

/// Updates the open flow brackets `flow` over `line`; returns the deepest flow nesting on
/// the line and whether the line ends by starting a block scalar (`key: |`).
fn scan_line(line: &str, flow: &mut usize, nodes: &mut usize) -> (usize, bool) {
    let mut deepest = *flow;
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut token_start = true;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            if c == '\\' && q == '"' {
                chars.next();
            } else if c == q {
                if q == '\'' && chars.peek() == Some(&'\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            previous = c;
            continue;
        }
        match c {
            '#' if previous == ' ' || previous == '\t' => break,
            '"' | '\'' if token_start => quote = Some(c),
            '[' | '{' if token_start || *flow > 0 => {
                *flow += 1;
                *nodes += 1;
                deepest = deepest.max(*flow);
            }
            ',' if *flow > 0 => *nodes += 1,
            ']' | '}' if *flow > 0 => *flow = flow.saturating_sub(1),
            _ => {}
        }
        token_start = match c {
            ' ' | '\t' => token_start || matches!(previous, ':' | '-' | '?' | ',' | '[' | '{'),
            '[' | '{' | ',' => *flow > 0,
            _ => false,
        };
        previous = c;
    }
    let trimmed = line.split(" #").next().unwrap_or("").trim_end();
    let opens_scalar = quote.is_none()
        && (trimmed.ends_with(": |")
            || trimmed.ends_with(": >")
            || trimmed.ends_with("- |")
            || trimmed.ends_with("- >")
            || trimmed == "|"
            || trimmed == ">"
            || trimmed
                .rsplit_once(": ")
                .or_else(|| trimmed.rsplit_once("- "))
                .is_some_and(|(_, tail)| {
                    tail.len() > 1
                        && matches!(tail.chars().next(), Some('|' | '>'))
                        && tail
                            .chars()
                            .skip(1)
                            .all(|c| matches!(c, '-' | '+' | '0'..='9'))
                }));
    (deepest, opens_scalar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_past_the_limit_are_found_in_flow_and_block_style() {
        let flow = format!("a: [{}]\n", "1,".repeat(MAX_NODES));
        let (line, message) = too_deep(&flow).unwrap_or_default();
        assert_eq!(line, 1);
        assert!(
            message.contains("over the importer's limit of 300000 per import"),
            "{message}"
        );
        let block = "k: v\n".repeat(MAX_NODES + 1);
        assert_eq!(too_deep(&block).map(|(line, _)| line), Some(MAX_NODES + 1));
        let mut nodes = 0;
        assert_eq!(scan(&"k: v\n".repeat(MAX_NODES / 2), &mut nodes), None);
        assert_eq!(nodes, MAX_NODES / 2);
        // Counted over several texts: the second half passes the limit.
        assert!(scan(&"k: v\n".repeat(MAX_NODES / 2 + 1), &mut nodes).is_some());
    }

    #[test]
    fn nesting_is_counted_in_flow_and_block_style_but_not_in_strings_or_block_scalars() {
        let flow = format!("a: {}{}\n", "[".repeat(70), "]".repeat(70));
        assert_eq!(too_deep(&flow).map(|(line, _)| line), Some(1));
        let fine = format!("a: {}{}\n", "[".repeat(60), "]".repeat(60));
        assert_eq!(too_deep(&fine), None);
        let block: String = (0..70)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        assert_eq!(too_deep(&block).map(|(line, _)| line), Some(65));
        let dashes = format!("a:\n{}x\n", "- ".repeat(70));
        assert!(too_deep(&dashes).is_some());
        let quoted = format!("a: \"{}\"\nb: '{}'\n", "[".repeat(100), "{".repeat(100));
        assert_eq!(too_deep(&quoted), None);
        let scalar = format!(
            "a: |\n  {}\nb: >-\n  {}\nc: 1\n",
            "[".repeat(100),
            "{".repeat(100)
        );
        assert_eq!(too_deep(&scalar), None);
        let comment = format!("a: 1 # {}\n", "[".repeat(100));
        assert_eq!(too_deep(&comment), None);
        let plain = format!("a: x{}\n", "[".repeat(100));
        assert_eq!(too_deep(&plain), None);
    }
}
