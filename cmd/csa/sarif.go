package main

import (
	"os"
	"path/filepath"
)

// sarifPlaces returns what SARIF locations are relative to: the root of the
// git repository around the working folder (code scanning reads paths from
// the repository's root), or the working folder outside a repository; and
// the working folder itself. Both are empty when the working folder cannot
// be found, and names are then used as given.
func sarifPlaces() (root, wd string) {
	wd, err := os.Getwd()
	if err != nil {
		return "", ""
	}
	for dir := wd; ; {
		// .git is a folder in a clone and a file in a worktree.
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir, wd
		}
		up := filepath.Dir(dir)
		if up == dir {
			return wd, wd
		}
		dir = up
	}
}
