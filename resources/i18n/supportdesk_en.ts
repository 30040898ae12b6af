<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>CenterForm</name>
    <message>
        <source>Mỗi dòng một người, ví dụ:
Nguyễn Văn An
Trần Thị Bình</source>
        <translation>One person per line, for example:
Nguyễn Văn An
Trần Thị Bình</translation>
    </message>
    <message>
        <source>Tên trung tâm:</source>
        <translation>Center name:</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Thành viên tổ hỗ trợ:</source>
        <translation>Support team members:</translation>
    </message>
    <message>
        <source>Xã, phường, đặc khu nơi đặt trung tâm:</source>
        <translation>Commune, ward or special zone of the center:</translation>
    </message>
    <message>
        <source>Trung tâm Phục vụ hành chính công {0}</source>
        <translation>Trung tâm Phục vụ hành chính công {0}</translation>
    </message>
    <message>
        <source>Hãy chọn xã, phường nơi đặt trung tâm.</source>
        <translation>Choose the commune or ward of the center.</translation>
    </message>
    <message>
        <source>Hãy nhập ít nhất một thành viên tổ hỗ trợ.</source>
        <translation>Enter at least one support team member.</translation>
    </message>
</context>
<context>
    <name>CommunePicker</name>
    <message>
        <source>— Tất cả tỉnh, thành phố —</source>
        <translation>— All provinces and cities —</translation>
    </message>
    <message>
        <source>Gõ tên xã, phường (không cần dấu), ví dụ: ba dinh</source>
        <translation>Type a commune or ward name (accents optional), e.g. ba dinh</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Chuyển cấp trên</source>
        <translation>Escalate</translation>
    </message>
    <message>
        <source>Chuyển đến (đơn vị hoặc cán bộ phụ trách):</source>
        <translation>Escalate to (unit or responsible official):</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Thiết lập lần đầu — SupportDesk</source>
        <translation>First-time setup — SupportDesk</translation>
    </message>
    <message>
        <source>Chào mừng! Hãy chọn đơn vị hành chính nơi tổ hỗ trợ làm việc và nhập tên các thành viên. Có thể sửa lại sau trong Cài đặt.</source>
        <translation>Welcome! Choose the administrative unit where the support team works and enter the members&apos; names. You can change this later in Settings.</translation>
    </message>
    <message>
        <source>Bắt đầu sử dụng</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>Ghi yêu cầu mới</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Người dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Cán bộ, công chức</source>
        <translation>Civil servant</translation>
    </message>
    <message>
        <source>Doanh nghiệp</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Gõ tên hoặc mã thủ tục (không bắt buộc)</source>
        <translation>Type a procedure name or code (optional)</translation>
    </message>
    <message>
        <source>Người dân cần gì? Ví dụ: quên mật khẩu VNeID</source>
        <translation>What is needed? E.g. forgot the VNeID password</translation>
    </message>
    <message>
        <source>Đã giải quyết ngay tại quầy</source>
        <translation>Resolved at the counter</translation>
    </message>
    <message>
        <source>Đã làm gì (không bắt buộc)</source>
        <translation>What was done (optional)</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Huỷ (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Đối tượng:</source>
        <translation>Requester:</translation>
    </message>
    <message>
        <source>Họ tên:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Chủ đề:</source>
        <translation>Topic:</translation>
    </message>
    <message>
        <source>Thủ tục:</source>
        <translation>Procedure:</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Summary:</translation>
    </message>
    <message>
        <source>Kết quả:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Hãy ghi nội dung yêu cầu.</source>
        <translation>Write what the request is about.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sổ yêu cầu hỗ trợ đang được hoàn thiện.</source>
        <translation>The request log is not available yet.</translation>
    </message>
    <message>
        <source>Danh bạ đang được hoàn thiện.</source>
        <translation>The directory is not available yet.</translation>
    </message>
    <message>
        <source>Tổng hợp đang được hoàn thiện.</source>
        <translation>The dashboard is not available yet.</translation>
    </message>
    <message>
        <source>SupportDesk — Tổ hỗ trợ kỹ thuật</source>
        <translation>SupportDesk — Technical support team</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Chữ to hơn</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>Chữ nhỏ hơn</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>Tìm nhanh…</source>
        <translation>Quick search…</translation>
    </message>
    <message>
        <source>Ghi yêu cầu mới</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Yêu cầu hỗ trợ</source>
        <translation>Support requests</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Danh bạ</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>Tổng hợp</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>Printer</name>
    <message>
        <source>Đang tạo tài liệu để in…</source>
        <translation>Preparing the document to print…</translation>
    </message>
    <message>
        <source>Không tạo được tài liệu: {0}</source>
        <translation>Could not create the document: {0}</translation>
    </message>
</context>
<context>
    <name>ProcedureDetail</name>
    <message>
        <source>Sao chép nội dung</source>
        <translation>Copy as text</translation>
    </message>
    <message>
        <source>In hướng dẫn (Ctrl+P)</source>
        <translation>Print handout (Ctrl+P)</translation>
    </message>
    <message>
        <source>Ghi yêu cầu về thủ tục này</source>
        <translation>Log a request about this procedure</translation>
    </message>
    <message>
        <source>Mở trên Cổng DVC</source>
        <translation>Open on the public service portal</translation>
    </message>
    <message>
        <source>Bỏ đánh dấu</source>
        <translation>Clear ticks</translation>
    </message>
    <message>
        <source>Hồ sơ cần chuẩn bị (đánh dấu giấy tờ đã có):</source>
        <translation>Papers to prepare (tick what the citizen has):</translation>
    </message>
    <message>
        <source>Chọn một thủ tục trong danh sách để xem chi tiết.</source>
        <translation>Choose a procedure in the list to see its details.</translation>
    </message>
    <message>
        <source>Mã số {0}</source>
        <translation>Code {0}</translation>
    </message>
    <message>
        <source>Danh mục chưa có thành phần hồ sơ của thủ tục này.</source>
        <translation>The catalog has no list of papers for this procedure yet.</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Papers</translation>
    </message>
    <message>
        <source>Cách thức thực hiện, thời hạn và phí</source>
        <translation>How to submit, processing time and fees</translation>
    </message>
    <message>
        <source>Hình thức nộp</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Phí, lệ phí</source>
        <translation>Fees</translation>
    </message>
    <message>
        <source>Cơ quan thực hiện</source>
        <translation>Executing agency</translation>
    </message>
    <message>
        <source>Cơ quan có thẩm quyền</source>
        <translation>Competent agency</translation>
    </message>
    <message>
        <source>Địa chỉ tiếp nhận hồ sơ</source>
        <translation>Where to submit</translation>
    </message>
    <message>
        <source>Đối tượng thực hiện</source>
        <translation>Who can apply</translation>
    </message>
    <message>
        <source>Điều kiện thực hiện</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Kết quả thực hiện</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Trình tự thực hiện</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Danh mục mới có tên và lĩnh vực của thủ tục này; xem đầy đủ trên Cổng Dịch vụ công quốc gia.</source>
        <translation>The catalog only has the name and field of this procedure; see the National Public Service Portal for the details.</translation>
    </message>
</context>
<context>
    <name>ProcedureTableModel</name>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Mã số</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>ProceduresPage</name>
    <message>
        <source>Tìm thủ tục: gõ tên, mã số hoặc từ viết tắt (không cần dấu) — Ctrl+F</source>
        <translation>Find a procedure: type a name, code or abbreviation (accents optional) — Ctrl+F</translation>
    </message>
    <message>
        <source>Mọi cấp</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>Cấp {0}</source>
        <translation>{0} level</translation>
    </message>
    <message>
        <source>Mọi lĩnh vực</source>
        <translation>All fields</translation>
    </message>
    <message>
        <source>Lỗi khi tìm: {0}</source>
        <translation>Search failed: {0}</translation>
    </message>
    <message>
        <source>Gõ để tìm trong {0} thủ tục hành chính.</source>
        <translation>Type to search {0} administrative procedures.</translation>
    </message>
    <message>
        <source>Không tìm thấy thủ tục nào. Thử từ khác hoặc bỏ bớt bộ lọc.</source>
        <translation>No procedure found. Try other words or fewer filters.</translation>
    </message>
    <message>
        <source>Không tìm thấy chính xác — kết quả gần đúng:</source>
        <translation>No exact match — closest results:</translation>
    </message>
    <message>
        <source>{0} kết quả</source>
        <translation>{0} results</translation>
    </message>
    <message>
        <source>Đã sao chép nội dung thủ tục.</source>
        <translation>Procedure copied to the clipboard.</translation>
    </message>
</context>
<context>
    <name>QuickSearchDialog</name>
    <message>
        <source>Yêu cầu</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Danh bạ</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>Tìm nhanh</source>
        <translation>Quick search</translation>
    </message>
    <message>
        <source>Tên người, số điện thoại, thủ tục, cán bộ…</source>
        <translation>Name, phone number, procedure, official…</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Nhận xử lý</source>
        <translation>Take it</translation>
    </message>
    <message>
        <source>Chờ người yêu cầu</source>
        <translation>Waiting for requester</translation>
    </message>
    <message>
        <source>Chuyển cấp trên…</source>
        <translation>Escalate…</translation>
    </message>
    <message>
        <source>Đã giải quyết…</source>
        <translation>Resolved…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Mở lại</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>In phiếu tiếp nhận</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <source>Chọn một yêu cầu để xem chi tiết.</source>
        <translation>Choose a request to see its details.</translation>
    </message>
    <message>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>Người yêu cầu</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Chủ đề</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedures</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hạn xử lý</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Người xử lý</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Chuyển đến</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Ghi yêu cầu mới (Ctrl+N)</source>
        <translation>New request (Ctrl+N)</translation>
    </message>
    <message>
        <source>Tìm: tên, số điện thoại, số phiếu, nội dung…</source>
        <translation>Search: name, phone, ticket, summary…</translation>
    </message>
    <message>
        <source>Đang mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Sắp đến hạn</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Đã chuyển cấp trên</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>Đã giải quyết</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Mọi chủ đề</source>
        <translation>All topics</translation>
    </message>
    <message>
        <source>Mọi người xử lý</source>
        <translation>All assignees</translation>
    </message>
    <message>
        <source>{0} yêu cầu</source>
        <translation>{0} requests</translation>
    </message>
    <message>
        <source>Kết quả giải quyết:</source>
        <translation>Resolution:</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Cỡ chữ:</source>
        <translation>Text size:</translation>
    </message>
    <message>
        <source>Đơn vị và tổ hỗ trợ</source>
        <translation>Unit and team</translation>
    </message>
    <message>
        <source>Giao diện</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Chưa chọn đơn vị</source>
        <translation>No unit chosen</translation>
    </message>
    <message>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source>Người trực: {0}</source>
        <translation>On duty: {0}</translation>
    </message>
    <message>
        <source>Bấm để đổi người trực</source>
        <translation>Click to change who is on duty</translation>
    </message>
    <message>
        <source>chưa lần nào</source>
        <translation>never</translation>
    </message>
    <message>
        <source>● Trực tuyến · đồng bộ: {0}</source>
        <translation>● Online · last sync: {0}</translation>
    </message>
    <message>
        <source>○ Ngoại tuyến · đồng bộ: {0}</source>
        <translation>○ Offline · last sync: {0}</translation>
    </message>
    <message>
        <source>Chờ gửi: {0}</source>
        <translation>Waiting to send: {0}</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>Ghi yêu cầu mới</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Lưu yêu cầu đang ghi</source>
        <translation>Save the request being logged</translation>
    </message>
    <message>
        <source>Tìm nhanh yêu cầu, thủ tục, danh bạ</source>
        <translation>Quick search across requests, procedures, contacts</translation>
    </message>
    <message>
        <source>Đưa con trỏ vào ô tìm kiếm của trang</source>
        <translation>Go to the search box of the page</translation>
    </message>
    <message>
        <source>Chuyển trang: Yêu cầu, Thủ tục, Danh bạ, Tổng hợp</source>
        <translation>Switch page: Requests, Procedures, Directory, Dashboard</translation>
    </message>
    <message>
        <source>In hướng dẫn thủ tục hoặc phiếu tiếp nhận</source>
        <translation>Print the procedure handout or the receipt</translation>
    </message>
    <message>
        <source>Chữ to hơn / nhỏ hơn</source>
        <translation>Larger / smaller text</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bảng phím tắt này</source>
        <translation>This list of shortcuts</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>SupportDesk {0}
Phần mềm của tổ hỗ trợ kỹ thuật tại Trung tâm Phục vụ hành chính công cấp xã.
Dữ liệu đơn vị hành chính: thanglequoc/vietnamese-provinces-database (MIT).</source>
        <translation>SupportDesk {0}
Software for the technical support teams of commune Public Administration Service Centers.
Administrative units: thanglequoc/vietnamese-provinces-database (MIT).</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>levels</name>
    <message>
        <source>Xã</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Bộ</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Huyện</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Khác</source>
        <translation>Other</translation>
    </message>
</context>
</TS>
