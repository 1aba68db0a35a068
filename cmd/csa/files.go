package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/csa-tool/csa/codes"
)

// collect expands the paths named on the command line into files: a file as
// it is ("-" is standard input), a folder recursively for *.yaml and *.yml,
// hidden folders skipped.
// found marks files that came from a folder walk.
func collect(paths []string) (files []string, found map[string]bool, err error) {
	found = map[string]bool{}
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "-" { // standard input
			if !seen[p] {
				seen[p] = true
				files = append(files, p)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, pathError(p, err)
		}
		if !info.IsDir() {
			if !seen[p] {
				seen[p] = true
				files = append(files, p)
			}
			continue
		}
		var inDir []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return pathError(path, err)
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(name, ".") && !seen[path] && regular(path, d) {
				seen[path] = true
				found[path] = true
				inDir = append(inDir, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		sort.Strings(inDir)
		files = append(files, inDir...)
	}
	return files, found, nil
}

// regular reports whether a folder entry is a file to read: a plain file, or
// a link to one. A pipe would block the walk for ever, and a link to a
// folder is not followed.
func regular(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// pathError words a failure to read a path for a person.
func pathError(p string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("%s: no such file or folder", p)
	case errors.Is(err, fs.ErrPermission):
		return usagef("%s: permission denied", p)
	}
	return usagef("%s: cannot be read", p)
}

// catalogueFiles are the files the catalogues were read from, for target's
// inputs: a landlord's own catalogue is an input like the assessment.
func catalogueFiles(cats ...*codes.Catalogue) []string {
	var files []string
	for _, c := range cats {
		if c != nil && c.Source != "" && c.Source != "embedded" {
			files = append(files, c.Source)
		}
	}
	return files
}

// catalogueRef is how an assessment written to out names the catalogue file
// read from source: relative to out's folder, where csa check looks for it
// (or to the working folder when out is standard output). fallback is used
// when source is not a file on disk.
func catalogueRef(source, out, fallback string) string {
	src, err := filepath.Abs(source)
	if err != nil {
		return fallback
	}
	if _, err := os.Stat(src); err != nil {
		return fallback
	}
	dir := "."
	if out != "" && out != "-" {
		dir = filepath.Dir(out)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return fallback
	}
	rel, err := filepath.Rel(absDir, src)
	if err != nil {
		return filepath.ToSlash(src)
	}
	return filepath.ToSlash(rel)
}
