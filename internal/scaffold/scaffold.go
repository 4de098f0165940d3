// Package scaffold lays out a new plan repository (SPEC §12, plan06 init):
// a plan/ folder for one year that validates as written, its calendar, the
// workflow that checks every change and builds the monthly workbook, the
// JSON Schemas and the editor settings that bind them, and READMEs. It
// only computes the files; the command writes them.
package scaffold

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/plan06/plan06/internal/schema"
	"github.com/plan06/plan06/internal/yamlfmt"
)

// Options say what to lay out.
type Options struct {
	// Year is the plan's year: its period runs from 1 January to 31 December.
	Year int
	// Version is the plan06 release the workflow installs ("latest" when
	// plan06 is a development build).
	Version string
}

// A File is one file of the new repository.
type File struct {
	// Path is slash-separated, relative to the repository's root.
	Path string
	Data []byte
}

// SchemaDir is where the schemas go in a plan repository; the editor
// settings point there.
const SchemaDir = "schema"

// Files returns the repository's files, in a fixed order. The YAML files
// of plan/ are in canonical form (plan06 fmt leaves them as they are).
func Files(o Options) ([]File, error) {
	y := o.Year
	var files []File
	add := func(p, text string) { files = append(files, File{Path: p, Data: []byte(text)}) }
	yamlFile := func(p, text string) error {
		out, err := yamlfmt.Format([]byte(text), yamlfmt.KindOf(strings.TrimPrefix(p, "plan/")))
		if err != nil {
			return fmt.Errorf("scaffold %s: %w", p, err)
		}
		files = append(files, File{Path: p, Data: out})
		return nil
	}
	for _, f := range []struct{ path, text string }{
		{"plan/plan.yaml", planYAML(y)},
		{"plan/units.yaml", unitsYAML},
		{"plan/calendar.yaml", calendarYAML(y)},
		{"plan/tasks/chung.yaml", tasksYAML},
	} {
		if err := yamlFile(f.path, f.text); err != nil {
			return nil, err
		}
	}
	add("plan/README.md", planReadme)
	add("plan/reports/README.md", reportsReadme)
	add("README.md", readme)
	add(".gitignore", "# Workbooks and documents plan06 builds.\nbao-cao-de-an-06-*.xlsx\nbao-cao-de-an-06-*.docx\n")
	add(".github/workflows/plan.yml", workflow(o.Version))
	for _, s := range schema.Files {
		files = append(files, File{Path: path.Join(SchemaDir, s.Name), Data: s.JSON()})
	}
	settings, err := vscodeSettings()
	if err != nil {
		return nil, err
	}
	files = append(files, File{Path: ".vscode/settings.json", Data: settings})
	add(".vscode/extensions.json", "{\n  \"recommendations\": [\"redhat.vscode-yaml\"]\n}\n")
	return files, nil
}

// VSCodeSchemas maps each schema file (relative to the repository) to the
// files it describes, as the YAML extension's yaml.schemas setting wants.
func VSCodeSchemas() map[string]string {
	m := map[string]string{}
	for _, s := range schema.Files {
		m["./"+path.Join(SchemaDir, s.Name)] = s.Glob
	}
	return m
}

func vscodeSettings() ([]byte, error) {
	settings := map[string]any{
		"yaml.schemas":                 VSCodeSchemas(),
		"yaml.validate":                true,
		"yaml.completion":              true,
		"files.eol":                    "\n",
		"files.insertFinalNewline":     true,
		"files.trimTrailingWhitespace": true,
		"[yaml]": map[string]any{
			"editor.insertSpaces":      true,
			"editor.tabSize":           2,
			"editor.detectIndentation": false,
		},
	}
	b, err := json.MarshalIndent(settings, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func planYAML(y int) string {
	return fmt.Sprintf(`# Kế hoạch triển khai thực hiện Đề án 06 năm %[1]d. Điền tên, cơ quan ban
# hành, người ký, căn cứ và các nhóm nhiệm vụ theo văn bản kế hoạch.
format: plan06/v1
id: ke-hoach-%[1]d
title: Kế hoạch triển khai thực hiện Đề án 06 năm %[1]d
language: vi
timezone: Asia/Ho_Chi_Minh
period: {from: %[1]d-01-01, to: %[1]d-12-31}
basis: []
reporting:
  secretariat: cong-an-tinh
  day: 15
  rollover: next-working-day
  due_soon_days: 14
  also: []
groups:
  - {id: chung, title: Nhiệm vụ chung}
`, y)
}

const unitsYAML = `# Các đơn vị và nhóm đơn vị. Mã (id) chỉ dùng chữ thường không dấu, số và
# dấu gạch ngang; đơn vị thường trực nhận báo cáo là reporting.secretariat.
units:
  - id: cong-an-tinh
    name: Công an tỉnh
    level: department
sets: []
`

func calendarYAML(y int) string {
	return fmt.Sprintf(`# Ngày nghỉ lễ có ngày cố định. Thêm Tết Nguyên đán, Giỗ Tổ Hùng Vương, các
# ngày nghỉ bù và ngày làm bù theo thông báo của Chính phủ năm %[1]d.
weekend: [saturday, sunday]
holidays:
  - {date: %[1]d-01-01, name: Tết Dương lịch}
  - {date: %[1]d-04-30, name: Ngày Chiến thắng}
  - {date: %[1]d-05-01, name: Ngày Quốc tế Lao động}
  - {date: %[1]d-09-02, name: Quốc khánh}
working_days: []
`, y)
}

const tasksYAML = `# Nhiệm vụ của nhóm "chung". Mỗi nhiệm vụ: id (trong ngoặc kép), title, group,
# lead (đơn vị chủ trì), due (thời hạn theo lời văn kế hoạch, ví dụ "Quý I năm 2024").
tasks: []
`

const planReadme = `# Kế hoạch

Thư mục này là kế hoạch Đề án 06 ở định dạng plan06/v1:

- plan.yaml: kế hoạch, quy định báo cáo, các nhóm nhiệm vụ;
- units.yaml: đơn vị và nhóm đơn vị;
- calendar.yaml: ngày nghỉ, ngày làm bù, ngày có tên;
- tasks/*.yaml: nhiệm vụ;
- reports/YYYY-MM/DON-VI.yaml: báo cáo của đơn vị cho kỳ tháng YYYY-MM
  (plan06 new report --unit DON-VI tạo sẵn).

Sau mỗi lần sửa: plan06 validate, rồi plan06 fmt -w.
`

const reportsReadme = `# Báo cáo

Mỗi đơn vị một tệp mỗi kỳ: YYYY-MM/DON-VI.yaml, ví dụ 2024-03/cong-an-tinh.yaml
cho báo cáo kỳ tháng 3/2024 của Công an tỉnh. Tạo sẵn bằng:

    plan06 new report --unit cong-an-tinh --month 2024-03

Số thập phân viết dấu chấm (97.5), không viết dấu phẩy.
`

const readme = `# Kế hoạch Đề án 06

Kho này giữ kế hoạch Đề án 06 và báo cáo của các đơn vị bằng các tệp YAML
trong plan/, đọc bằng [plan06](https://github.com/plan06/plan06).

    plan06 validate          # kiểm tra mọi tệp
    plan06 status            # tình hình đến hôm nay
    plan06 due               # các hạn sắp tới, đơn vị chưa báo cáo
    plan06 new report --unit cong-an-tinh
    plan06 report 2024-03    # báo cáo Excel của tháng

plan06 tìm thư mục plan/ từ bất kỳ thư mục con nào của kho.

Soạn thảo: mở kho bằng VS Code và cài tiện ích YAML (redhat.vscode-yaml,
được gợi ý trong .vscode/extensions.json): các tệp trong plan/ được kiểm tra
theo lược đồ trong schema/ ngay khi gõ. Tạo lại lược đồ cho phiên bản
plan06 đang dùng: plan06 schema -o schema.

Mỗi pull request được kiểm tra bởi .github/workflows/plan.yml (validate,
fmt --check, diff); từ ngày 15 đến ngày 25 hằng tháng workflow hỏi plan06
xem hôm nay có phải ngày tổng hợp không (plan06 report --if-compile-day) và
dựng báo cáo Excel vào đúng ngày đó.
`

func workflow(version string) string {
	if version == "" || version == "dev" || strings.HasPrefix(version, "(") {
		version = "latest"
	}
	return strings.ReplaceAll(workflowText, "@VERSION", "@"+version)
}

const workflowText = `# CI for this plan repository: every pull request that touches the plan is
# validated, checked for canonical YAML and summarised as a semantic diff;
# every day from the 15th to the 25th plan06 is asked whether today is the
# compile day of the month's cycle (reporting.compile_after working days
# after the deadline) and on that day builds the report workbook and keeps
# it as an artifact.
name: plan

on:
  pull_request:
    paths:
      - "plan/**"
      - ".github/workflows/plan.yml"
  schedule:
    # 08:00 in Asia/Ho_Chi_Minh (UTC+7) is 01:00 UTC, every day from the
    # 15th to the 25th: the compile day moves with weekends, Tết and
    # rollover, and plan06 report --if-compile-day knows which day it is.
    - cron: "0 1 15-25 * *"
  workflow_dispatch:
    inputs:
      period:
        description: >-
          Report period: YYYY-MM (month), YYYY-H1 (six months) or YYYY
          (year). Empty: the current month in Asia/Ho_Chi_Minh.
        required: false
        type: string
        default: ""

permissions:
  contents: read

concurrency:
  group: ${{ github.workflow }}-${{ github.event_name }}-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}

defaults:
  run:
    shell: bash

jobs:
  check:
    name: validate, fmt, diff
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - name: Checkout
        uses: actions/checkout@v4
        with:
          # plan06 diff reads the base revision from git history.
          fetch-depth: 0
          persist-credentials: false

      - name: Set up Go
        uses: actions/setup-go@v5
        with:
          go-version: stable

      - name: Install plan06
        run: go install github.com/plan06/plan06/cmd/plan06@VERSION

      - name: Validate the plan
        run: plan06 validate --format github

      - name: Check canonical YAML
        if: ${{ !cancelled() }}
        run: plan06 fmt --check

      - name: Summarise the change
        if: ${{ !cancelled() }}
        env:
          BASE_REF: ${{ github.base_ref }}
        run: |
          plan06 diff "origin/$BASE_REF" HEAD -o markdown \
            >> "$GITHUB_STEP_SUMMARY"

  report:
    name: monthly report workbook
    if: >-
      github.event_name == 'schedule' ||
      github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    steps:
      - name: Checkout
        uses: actions/checkout@v4
        with:
          persist-credentials: false

      - name: Set up Go
        uses: actions/setup-go@v5
        with:
          go-version: stable

      - name: Install plan06
        run: go install github.com/plan06/plan06/cmd/plan06@VERSION

      - name: Choose the period
        id: period
        env:
          INPUT_PERIOD: ${{ inputs.period }}
        run: |
          period="${INPUT_PERIOD:-}"
          if [ -z "$period" ]; then
            period="$(TZ=Asia/Ho_Chi_Minh date +%Y-%m)"
          fi
          if ! [[ "$period" =~ ^[0-9]{4}(-(0[1-9]|1[0-2])|-H[12])?$ ]]; then
            echo "::error title=period::use YYYY-MM, YYYY-H1, YYYY-H2 or YYYY"
            exit 2
          fi
          echo "period=$period" >> "$GITHUB_OUTPUT"

      - name: Validate the plan
        run: plan06 validate --format github

      - name: Build the workbook
        id: build
        env:
          PERIOD: ${{ steps.period.outputs.period }}
          EVENT: ${{ github.event_name }}
        run: |
          if [ "$EVENT" = schedule ]; then
            # Writes bao-cao-de-an-06-YYYY-MM.xlsx on the compile day only;
            # on the other days it says so and exits 0.
            plan06 report --if-compile-day
          else
            plan06 report "$PERIOD" -o "bao-cao-de-an-06-$PERIOD.xlsx"
          fi
          shopt -s nullglob
          files=(bao-cao-de-an-06-*.xlsx)
          if [ "${#files[@]}" -gt 0 ]; then
            echo "file=${files[0]}" >> "$GITHUB_OUTPUT"
            echo "name=${files[0]%.xlsx}" >> "$GITHUB_OUTPUT"
          fi

      - name: Upload the workbook
        if: steps.build.outputs.file != ''
        uses: actions/upload-artifact@v4
        with:
          name: ${{ steps.build.outputs.name }}
          path: bao-cao-de-an-06-*.xlsx
          if-no-files-found: error
`
