//! Writing is safe: atomic, deterministic, never touching foreign files, and clear about
//! paths it cannot write.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod output_support;

use std::fs;

use k8s_dsl::output::{Directory, OutputError, OWNED_FILE};
use k8s_dsl::prelude::*;
use output_support::{app, mtimes, names, scratch, snapshot};

#[test]
fn a_foreign_file_is_left_untouched_when_stale_own_files_are_removed() {
    let dir = scratch("safety-foreign");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    fs::write(dir.join("README.md"), "hand-written\n").unwrap();
    fs::write(dir.join("patch.yaml"), "kind: Patch\n").unwrap();

    // The Service and the ConfigMap are no longer generated.
    let smaller = Bundle::new().add(
        Deployment::new("web").namespace("shop").template(
            Pod::template()
                .label("app", "web")
                .container(Container::new("web").image("nginx:1.27")),
        ),
    );
    let written = Directory::new(&dir).write(&smaller).unwrap();
    let removed: Vec<String> = written
        .removed
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        removed,
        ["configmap_shop_web-config.yaml", "service_shop_web.yaml"]
    );
    assert_eq!(
        names(&dir),
        [
            OWNED_FILE,
            "README.md",
            "deployment_shop_web.yaml",
            "kustomization.yaml",
            "patch.yaml"
        ]
    );
    assert_eq!(
        fs::read_to_string(dir.join("README.md")).unwrap(),
        "hand-written\n"
    );
    assert_eq!(
        fs::read_to_string(dir.join("patch.yaml")).unwrap(),
        "kind: Patch\n"
    );
    let record = fs::read_to_string(dir.join(OWNED_FILE)).unwrap();
    assert!(
        record.ends_with("\ndeployment_shop_web.yaml\nkustomization.yaml\n"),
        "{record}"
    );
}

#[test]
fn a_foreign_file_in_the_way_is_never_overwritten() {
    let dir = scratch("safety-in-the-way");
    fs::write(dir.join("kustomization.yaml"), "resources: [mine.yaml]\n").unwrap();
    let error = Directory::new(&dir)
        .write(&app(2, "production"))
        .unwrap_err();
    let path = dir.join("kustomization.yaml");
    assert!(
        matches!(&error, OutputError::NotOwned { path: p } if *p == path),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "refusing to overwrite `{}`: k8s-dsl did not write it (it is not listed in `.k8s-dsl-owned`); move the file away or generate into another directory",
            path.display()
        )
    );
    // Nothing was written at all.
    assert_eq!(names(&dir), ["kustomization.yaml"]);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "resources: [mine.yaml]\n"
    );
    // Without a kustomization the directory can be shared with the user's own file.
    Directory::new(&dir)
        .kustomization(false)
        .write(&app(2, "production"))
        .unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "resources: [mine.yaml]\n"
    );
}

#[test]
fn an_identical_unrecorded_file_is_adopted() {
    let dir = scratch("safety-adopt");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    fs::remove_file(dir.join(OWNED_FILE)).unwrap();
    let written = Directory::new(&dir).write(&app(2, "production")).unwrap();
    assert_eq!(written.written, [dir.join(OWNED_FILE)]);
}

#[test]
fn a_run_killed_mid_write_leaves_the_previous_files_intact() {
    let dir = scratch("safety-killed");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    let before = snapshot(&dir);
    let next = || app(3, "a longer value that makes every changed file longer");
    let after = {
        let other = scratch("safety-killed-reference");
        Directory::new(&other).write(&next()).unwrap();
        snapshot(&other)
    };

    // Kill the run after every 13th byte until it gets through: every file is its old or its
    // new version, never a mix, and no old file vanishes.
    let mut bytes = 0;
    loop {
        let result = Directory::new(&dir)
            .__interrupt_after_bytes(bytes)
            .write(&next());
        match result {
            Ok(_) => break,
            Err(OutputError::Interrupted { .. }) => {}
            Err(other) => panic!("{bytes}: {other}"),
        }
        for (name, contents) in snapshot(&dir) {
            if name.ends_with(".k8s-dsl-tmp") {
                continue; // what a killed process leaves behind
            }
            let old = before.get(&name);
            let new = after.get(&name);
            assert!(
                Some(&contents) == old || Some(&contents) == new,
                "after {bytes} bytes `{name}` is neither its old nor its new version:\n{}",
                String::from_utf8_lossy(&contents)
            );
        }
        for name in before.keys() {
            assert!(dir.join(name).exists(), "{bytes}: `{name}` vanished");
        }
        // Roll back for the next round.
        fs::remove_dir_all(&dir).unwrap();
        fs::create_dir_all(&dir).unwrap();
        for (name, contents) in &before {
            fs::write(dir.join(name), contents).unwrap();
        }
        bytes += 13;
    }
    assert!(
        bytes > 300,
        "the run was interrupted only {} times",
        bytes / 13
    );
    assert_eq!(snapshot(&dir), after);
    fs::remove_dir_all(&dir).unwrap();
    fs::create_dir_all(&dir).unwrap();
    for (name, contents) in &before {
        fs::write(dir.join(name), contents).unwrap();
    }

    // The first interruption leaves exactly the previous files (plus a temporary file).
    let _ = Directory::new(&dir)
        .__interrupt_after_bytes(10)
        .write(&next());
    let kept: Vec<String> = names(&dir)
        .into_iter()
        .filter(|n| !n.ends_with(".k8s-dsl-tmp"))
        .collect();
    assert_eq!(kept, before.keys().cloned().collect::<Vec<_>>());
    for (name, contents) in &before {
        assert_eq!(
            &fs::read(dir.join(name)).unwrap(),
            contents,
            "`{name}` changed"
        );
    }
    assert!(names(&dir).iter().any(|n| n.ends_with(".k8s-dsl-tmp")));

    // The next complete run finishes the job and cleans up the leftovers.
    let written = Directory::new(&dir).write(&next()).unwrap();
    assert!(written
        .removed
        .iter()
        .any(|p| p.to_string_lossy().ends_with(".k8s-dsl-tmp")));
    assert_eq!(snapshot(&dir), after);
}

#[test]
fn an_unwritable_directory_is_a_clear_error_naming_the_path() {
    let dir = scratch("safety-unwritable");
    let file = dir.join("a-file");
    fs::write(&file, "I am a file\n").unwrap();
    let target = file.join("manifests");
    let error = Directory::new(&target)
        .write(&app(2, "production"))
        .unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(&error, OutputError::Io { action: "create directory", path, .. } if *path == target),
        "{message}"
    );
    assert!(
        message.starts_with(&format!("cannot create directory `{}`: ", target.display())),
        "{message}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "I am a file\n");
}

#[test]
fn writes_are_deterministic_and_unchanged_files_are_not_rewritten() {
    let dir = scratch("safety-deterministic");
    let first = Directory::new(&dir).write(&app(2, "production")).unwrap();
    assert_eq!(first.written.len(), 5);
    let bytes = snapshot(&dir);
    let times = mtimes(&dir);
    std::thread::sleep(std::time::Duration::from_millis(20));

    let second = Directory::new(&dir).write(&app(2, "production")).unwrap();
    assert!(second.written.is_empty(), "rewritten: {:?}", second.written);
    assert!(second.removed.is_empty());
    assert_eq!(second.unchanged.len(), 5);
    assert_eq!(snapshot(&dir), bytes);
    assert_eq!(mtimes(&dir), times);

    // Another directory gets the same bytes.
    let other = scratch("safety-deterministic-other");
    Directory::new(&other).write(&app(2, "production")).unwrap();
    assert_eq!(snapshot(&other), bytes);

    // One change rewrites exactly that file (and nothing else).
    let third = Directory::new(&dir).write(&app(2, "staging")).unwrap();
    assert_eq!(third.written, [dir.join("configmap_shop_web-config.yaml")]);
}

#[test]
fn an_invalid_bundle_writes_nothing() {
    let dir = scratch("safety-invalid");
    Directory::new(&dir).write(&app(2, "production")).unwrap();
    let before = snapshot(&dir);
    let broken = app(2, "production").add(ConfigMap::new("Bad_Name").data("k", "v"));
    let error = Directory::new(&dir).write(&broken).unwrap_err();
    assert!(matches!(error, OutputError::Invalid(_)), "{error}");
    assert_eq!(snapshot(&dir), before);
}
