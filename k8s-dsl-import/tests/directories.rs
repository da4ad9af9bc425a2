//! A directory is read with every `.yaml`/`.yml` file in it and below it, sorted by path, other
//! files skipped; the same through the library and the command.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use k8s_dsl_import::{import, read, Options};

const BIN: &str = env!("CARGO_BIN_EXE_k8s-dsl-import");

/// A fresh directory under the system's temporary one, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("k8s-dsl-import-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, file: &str, text: &str) {
        let path = self.0.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn config_map(name: &str) -> String {
    format!("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\ndata:\n  k: v\n")
}

/// A tree whose files are written out of order, with files that are not manifests.
fn tree(name: &str) -> TempDir {
    let dir = TempDir::new(name);
    dir.write("nested.yaml", &config_map("n"));
    dir.write(
        "nested/deeper/d.yaml",
        &format!(
            "apiVersion: v1\nkind: List\nitems:\n- {}\n- {}\n",
            config_map("d0").replace('\n', "\n  ").trim_end(),
            config_map("d1").replace('\n', "\n  ").trim_end(),
        ),
    );
    dir.write("b.yaml", &config_map("b"));
    dir.write(
        "nested/c.yaml",
        &format!("{}---\n{}", config_map("c1"), config_map("c2")),
    );
    dir.write("a.yml", &config_map("a"));
    // Not manifests: never read (each would be an error if it were).
    dir.write("notes.txt", "not: [yaml");
    dir.write("README.md", "# manifests\n");
    dir.write("nested/values.json", "{\"not\": \"a manifest\"}");
    dir.write("nested/yaml", "kind: [");
    fs::create_dir_all(dir.0.join("empty")).unwrap();
    dir
}

#[test]
fn a_directory_is_read_recursively_in_path_order_and_skips_other_files() {
    let dir = tree("library");
    let documents = read::read_path(&dir.0).unwrap();
    let found: Vec<(String, usize, Option<usize>, String)> = documents
        .iter()
        .map(|d| {
            let file = Path::new(&d.file).strip_prefix(&dir.0).unwrap();
            (
                file.display().to_string(),
                d.number,
                d.item,
                d.name().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("a.yml", 1, None, "a"),
        ("b.yaml", 1, None, "b"),
        ("nested/c.yaml", 1, None, "c1"),
        ("nested/c.yaml", 2, None, "c2"),
        ("nested/deeper/d.yaml", 1, Some(0), "d0"),
        ("nested/deeper/d.yaml", 1, Some(1), "d1"),
        ("nested.yaml", 1, None, "n"),
    ]
    .map(|(f, n, i, name)| (f.to_owned(), n, i, name.to_owned()));
    assert_eq!(found, expected);

    // The code builds them in that order, each headed by the file it came from.
    let code = import(&dir.0, &Options::default()).unwrap().code;
    let mut last = 0;
    for (file, number, item, name) in &expected {
        let at = code
            .find(&format!("ConfigMap::new({name:?})"))
            .unwrap_or_else(|| panic!("{name} not in\n{code}"));
        assert!(at > last, "{name} is out of order in\n{code}");
        last = at;
        let place = match item {
            Some(i) => format!("document {number} items[{i}]"),
            None => format!("document {number}"),
        };
        let heading = format!(
            "// ConfigMap `{name}` ({} {place})",
            dir.0.join(file).display()
        );
        assert!(code.contains(&heading), "{heading} not in\n{code}");
    }
}

#[test]
fn the_corpus_directory_gives_every_object_of_its_files() {
    let all = read::read_path(Path::new("tests/corpus")).unwrap();
    let mut one_by_one = Vec::new();
    let mut files: Vec<String> = all.iter().map(|d| d.file.clone()).collect();
    files.dedup();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "files are read in path order");
    assert!(files.len() >= 30, "{files:?}");
    for file in &files {
        one_by_one.extend(read::read_path(Path::new(file)).unwrap());
    }
    assert_eq!(all, one_by_one);
}

#[test]
fn errors_in_a_directory_name_each_bad_file_and_the_good_ones_are_not_printed() {
    let dir = tree("errors");
    dir.write(
        "nested/bad.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata: web\n",
    );
    dir.write("z.yml", "kind: [\n");
    let errors = import(&dir.0, &Options::default()).unwrap_err();
    let files: Vec<String> = errors
        .iter()
        .map(|e| {
            Path::new(&e.file)
                .strip_prefix(&dir.0)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(files, ["nested/bad.yaml", "z.yml"], "{errors:?}");

    let output = Command::new(BIN).arg(&dir.0).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with(&format!(
            "error: {}:1 (document 1): `metadata` must be a mapping",
            dir.0.join("nested/bad.yaml").display()
        )),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with(&format!(
            "error: {}:1 (document 1): ",
            dir.0.join("z.yml").display()
        )),
        "{stderr}"
    );
}

#[test]
fn the_command_prints_for_a_directory_what_the_library_gives() {
    let dir = tree("command");
    let output = Command::new(BIN).arg(&dir.0).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let expected = import(&dir.0, &Options::default()).unwrap().code;
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    assert!(expected.contains("ConfigMap::new(\"d1\")"));
    // The same twice: the order does not depend on the file system.
    let again = Command::new(BIN).arg(&dir.0).output().unwrap();
    assert_eq!(again.stdout, expected.as_bytes());
}

#[test]
fn a_directory_without_manifests_is_an_error_saying_so() {
    let dir = TempDir::new("empty");
    dir.write("notes.txt", "apiVersion: v1\n");
    fs::create_dir_all(dir.0.join("sub")).unwrap();
    let errors = import(&dir.0, &Options::default()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("no `.yaml` or `.yml` file"),
        "{}",
        errors[0]
    );

    let output = Command::new(BIN).arg(&dir.0).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim_end(), format!("error: {}", errors[0]));
}

#[test]
fn a_path_that_does_not_exist_is_an_error_naming_it() {
    let missing =
        std::env::temp_dir().join(format!("k8s-dsl-import-missing-{}", std::process::id()));
    let errors = import(&missing, &Options::default()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, missing.display().to_string());
    assert!(
        errors[0].message.starts_with("cannot read it: "),
        "{}",
        errors[0]
    );
}

#[cfg(unix)]
#[test]
fn symlinked_directories_are_not_followed_so_loops_end_and_read_nothing_twice() {
    let dir = TempDir::new("symlink-loops");
    dir.write("a/web.yaml", &config_map("web"));
    dir.write("b/other.yaml", &config_map("other"));
    // Two loops (each directory links to the root and to the other): 2^40 paths if followed.
    for (link, target) in [
        ("a/up", ".."),
        ("a/b", "../b"),
        ("b/up", ".."),
        ("b/a", "../a"),
        ("a/self", "."),
    ] {
        std::os::unix::fs::symlink(target, dir.0.join(link)).unwrap();
    }
    // A link to a file is read.
    std::os::unix::fs::symlink("web.yaml", dir.0.join("a/link.yaml")).unwrap();
    let documents = read::read_path(&dir.0).unwrap();
    let found: Vec<(&str, String)> = documents
        .iter()
        .map(|d| {
            (
                d.name(),
                d.file
                    .strip_prefix(&*dir.0.to_string_lossy())
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("web", "/a/link.yaml".to_owned()),
            ("web", "/a/web.yaml".to_owned()),
            ("other", "/b/other.yaml".to_owned())
        ]
    );
}

#[test]
fn a_file_past_the_size_limit_is_refused_without_reading_it() {
    let dir = TempDir::new("too-large");
    let file = fs::File::create(dir.0.join("huge.yaml")).unwrap();
    // A sparse file: its size is what counts, nothing is written.
    file.set_len(k8s_dsl_import::limits::MAX_FILE_BYTES as u64 + 1)
        .unwrap();
    dir.write("small.yaml", &config_map("small"));
    let errors = read::read_path(&dir.0).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].file.ends_with("huge.yaml"));
    assert_eq!(
        errors[0].message,
        "the file has 16777217 bytes, over the importer's limit of 16777216 bytes (16 MiB) per file; split it"
    );
}
