package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd is csa man -o DIR: a man page per command, made from the same
// command tree as --help, for packagers and make man. It is hidden from
// csa help: a complaints officer has no use for it.
func newManCmd(e *env) *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:    "man -o DIR",
		Short:  "Write a man page for each command into DIR",
		Hidden: true,
		Long: `Man writes a man page (section 1) for csa and for each of its commands into
DIR, creating it if need be: csa.1, csa-check.1, csa-report.1 and so on.
Their date is SOURCE_DATE_EPOCH (seconds since 1970) when set, so a release
build gives the same pages every time, otherwise today.`,
		Example: `  csa man -o man/ && man -l man/csa-check.1`,
		Args:    argCount(0, 0, "man takes no arguments: csa man -o DIR"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if dir == "" {
				return usagef("man needs -o DIR, the folder to write the pages into")
			}
			date, err := manDate(e)
			if err != nil {
				return err
			}
			return writeManPages(e, cmd.Root(), dir, date)
		},
	}
	cmd.Flags().StringVarP(&dir, "output", "o", "", "write the pages into `DIR`")
	return cmd
}

// manDate is the date the pages carry: SOURCE_DATE_EPOCH, the convention
// for reproducible builds, or today.
func manDate(e *env) (time.Time, error) {
	s := e.getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return e.now(), nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, usagef("SOURCE_DATE_EPOCH=%s is not a number of seconds since 1970", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// writeManPages writes one page per command that csa help lists, each file
// whole or not at all.
func writeManPages(e *env, root *cobra.Command, dir string, date time.Time) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usagef("cannot create %s: %s", dir, reason(err))
	}
	root.DisableAutoGenTag = true // no "generated on DATE" line: the header has the date
	header := &doc.GenManHeader{
		Section: "1",
		Manual:  "csa manual",
		Source:  "csa " + firstLine(versionText()),
		Date:    &date,
	}
	var write func(c *cobra.Command) error
	write = func(c *cobra.Command) error {
		for _, sub := range c.Commands() {
			if !sub.IsAvailableCommand() || sub.IsAdditionalHelpTopicCommand() {
				continue
			}
			if err := write(sub); err != nil {
				return err
			}
		}
		var page bytes.Buffer
		h := *header
		if err := doc.GenMan(c, &h, &page); err != nil {
			return err
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		return target{e: e, path: filepath.Join(dir, name)}.write(func(w io.Writer) error {
			_, err := w.Write(page.Bytes())
			return err
		})
	}
	return write(root)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimPrefix(s, "csa ")
}
