#!/usr/bin/env python3
"""Independent checks of the manifests k8s-dsl emits.

For every NAME.yaml in a directory (with its NAME.json beside it, written by the same program
with `--format json`):

1. the YAML is loaded by PyYAML (a YAML 1.1 reader, like Kubernetes' Go reader) and by
   ruamel.yaml (YAML 1.2); both must give exactly the JSON, type for type, so every string
   is still a string;
2. each object is validated by kubernetes-validate in strict mode for Kubernetes 1.33 and for
   the newest version it ships. An unknown kind is a failure, unless it is listed with
   --custom (custom resources have no schema there; they are checked for apiVersion, kind and
   metadata.name).

Prints one line per file and a closing `validate: N passed, N failed`; exits 1 on any failure.
"""

import argparse
import json
import pathlib
import sys

try:
    import kubernetes_validate
    import yaml
    from kubernetes_validate import utils as kv_utils
    from ruamel.yaml import YAML
except ImportError as error:  # never skip silently
    sys.exit(f"validate.py: missing Python package ({error}); run scripts/test-all, which installs them")

OLDEST = "1.33"


_validators = {}


def schema_validator(obj, version):
    """A strict-schema validator for the object's kind, built once per kind and version.

    kubernetes_validate.validate() reloads its (large) schema files for every object; this does
    what it does, pinned to kubernetes-validate 1.37.0, but keeps each validator.
    """
    import re
    import jsonschema
    from referencing import Registry, Resource

    api_version = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", obj["apiVersion"])
    key = (version, obj["kind"].lower(), api_version)
    if key not in _validators:
        schema_version = [v for v in kv_utils.all_versions()
                          if kv_utils.major_minor(v) <= version][-1]
        directory = f"kubernetes-json-schema/v{schema_version}-local-strict"
        try:
            schema = kv_utils.schema_contents(f"{directory}/{key[1]}-{key[2]}.json", version)
        except FileNotFoundError:
            raise kv_utils.SchemaNotFoundError(version=version, kind=obj["kind"],
                                               api_version=obj["apiVersion"])
        definitions = kv_utils.schema_contents(f"{directory}/_definitions.json", version)
        registry = Resource.from_contents(definitions) @ (Resource.from_contents(schema) @ Registry())
        _validators[key] = jsonschema.validators.Draft202012Validator(schema, registry=registry)
    return _validators[key]


def strict_equal(a, b, path="$"):
    """Equality that also compares types (Python says 1 == 1.0 == True)."""
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} {a!r} != {type(b).__name__} {b!r}"
    if isinstance(a, dict):
        if a.keys() != b.keys():
            return f"{path}: keys differ: {sorted(set(a) ^ set(b))!r}"
        for key in a:
            problem = strict_equal(a[key], b[key], f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for index, (x, y) in enumerate(zip(a, b)):
            problem = strict_equal(x, y, f"{path}[{index}]")
            if problem:
                return problem
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def to_plain(value):
    """ruamel's safe loader returns dicts and lists already; make sure of plain types."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value


def objects_of(document):
    if isinstance(document, dict) and document.get("kind") == "List" and "items" in document:
        return document["items"]
    return [document]


def check_file(yaml_path, versions, custom_kinds):
    problems = []
    text = yaml_path.read_text(encoding="utf-8")
    json_path = yaml_path.with_suffix(".json")
    expected = objects_of(json.loads(json_path.read_text(encoding="utf-8")))

    yaml11 = [d for d in yaml.safe_load_all(text) if d is not None]
    reader12 = YAML(typ="safe", pure=True)
    reader12.version = (1, 2)
    yaml12 = [to_plain(d) for d in reader12.load_all(text) if d is not None]
    for reader, loaded in (("PyYAML (YAML 1.1)", yaml11), ("ruamel.yaml (YAML 1.2)", yaml12)):
        problem = strict_equal(loaded, expected)
        if problem:
            problems.append(f"{reader} reads something else than was written: {problem}")

    verdicts = []
    for index, obj in enumerate(yaml11):
        if not isinstance(obj, dict):
            problems.append(f"document {index} is not a mapping")
            continue
        kind_key = f"{obj.get('apiVersion')}:{obj.get('kind')}"
        name = (obj.get("metadata") or {}).get("name")
        label = f"{obj.get('kind')}/{name}"
        if kind_key in custom_kinds:
            if not name:
                problems.append(f"{label}: custom resource without metadata.name")
            verdicts.append(f"{label} (custom resource)")
            continue
        for version in versions:
            try:
                validator = schema_validator(obj, version)
            except kv_utils.SchemaNotFoundError as error:
                problems.append(f"{label}: {error.message}")
                continue
            for error in validator.iter_errors(obj):
                where = ".".join(str(p) for p in error.path)
                problems.append(f"{label}: invalid for Kubernetes {version} at {where}: {error.message}")
        verdicts.append(label)
    return problems, verdicts


def self_test():
    """The checks must fail on known-bad input, or their passing means nothing."""
    import tempfile
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "labels": {"a": "on"}},
           "spec": {"containers": [{"name": "c", "image": "busybox:1.28"}]}}
    cases = {
        # `on` written plain: a YAML 1.1 reader sees the boolean true
        "plain-boolean": ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    a: on\n"
                          "spec:\n  containers:\n  - name: c\n    image: busybox:1.28\n", pod),
        # a field the schema does not know (strict mode)
        "unknown-field": (json.dumps({**pod, "spec": {**pod["spec"], "bogus": 1}}), {**pod, "spec": {**pod["spec"], "bogus": 1}}),
        # a kind with no schema
        "unknown-kind": (json.dumps({**pod, "kind": "Bogus"}), {**pod, "kind": "Bogus"}),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, (text, expected) in cases.items():
            path = pathlib.Path(tmp) / f"{name}.yaml"
            path.write_text(text)
            path.with_suffix(".json").write_text(json.dumps(expected))
            problems, _ = check_file(path, [OLDEST, kv_utils.latest_version()], set())
            if not problems:
                sys.exit(f"validate.py self-test: the {name} case was not caught")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=pathlib.Path)
    parser.add_argument("--custom", action="append", default=[],
                        help="apiVersion:kind of a custom resource (no schema to validate against)")
    args = parser.parse_args()

    self_test()
    latest = kv_utils.major_minor(kv_utils.latest_version())
    versions = [OLDEST, latest]
    files = sorted(args.directory.glob("*.yaml"))
    if not files:
        sys.exit(f"validate.py: no manifests in {args.directory}")
    print(f"kubernetes-validate {kubernetes_validate.version.__version__}: strict schemas for "
          f"Kubernetes {OLDEST} and {latest} (self-test passed); readers PyYAML {yaml.__version__} (YAML 1.1) and ruamel.yaml (YAML 1.2)")
    passed = failed = 0
    for path in files:
        problems, verdicts = check_file(path, versions, set(args.custom))
        if problems:
            failed += 1
            print(f"FAIL {path.name}")
            for problem in problems:
                print(f"     {problem}")
        else:
            passed += 1
            objects = ", ".join(verdicts) if len(verdicts) <= 4 else f"{len(verdicts)} objects"
            print(f"ok   {path.name}: {objects}")
    print(f"validate: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
